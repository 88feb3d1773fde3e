import { z } from 'zod';

/** "Check for updates automatically" (on unless turned off): at start and once a day, downloading in the background. */
export const UpdateSettings = z.object({ checkAutomatically: z.boolean() });
export type UpdateSettings = z.infer<typeof UpdateSettings>;

export const defaultUpdateSettings: UpdateSettings = { checkAutomatically: true };

/** An update is downloaded and installs when Parley restarts (or next time it quits). */
export const UpdateReady = z.object({ version: z.string().min(1).max(100) });
export type UpdateReady = z.infer<typeof UpdateReady>;
