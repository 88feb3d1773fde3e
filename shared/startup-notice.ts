import { z } from 'zod';

/**
 * Something that happened while Parley started which the person must hear
 * about once, such as an unreadable database moved aside. The window asks
 * for these when it opens (`app:startupNotices`) and shows each one.
 */
export const StartupNotice = z.object({
  kind: z.enum(['database-moved-aside']),
  title: z.string(),
  message: z.string(),
  /** Where the unreadable database now is, shown so the person can find it. */
  movedTo: z.string().optional(),
});
export type StartupNotice = z.infer<typeof StartupNotice>;
