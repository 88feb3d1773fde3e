import { z } from 'zod';

/** `system` follows the operating system's light or dark mode as it changes. */
export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

export const Appearance = z.object({ theme: Theme }).strict();
export type Appearance = z.infer<typeof Appearance>;
