import { z } from 'zod';

/** The hotkey a fresh install registers: free in the common desktop environments and easy to reach. */
export const DEFAULT_QUICK_ASK_HOTKEY = 'CommandOrControl+Shift+Space';

/** The quick window grows with its answer up to this height (CSS pixels), then scrolls. */
export const QUICK_WINDOW_MAX_HEIGHT = 560;
export const QUICK_WINDOW_MIN_HEIGHT = 76;
export const QUICK_WINDOW_WIDTH = 640;

/** Clipboard text put into a quick question as quoted context is cut here, so a huge copy never fills the model's context. */
export const QUICK_CLIPBOARD_MAX_CHARS = 20_000;

/**
 * An Electron accelerator as text ("CommandOrControl+Shift+Space"). The
 * strict grammar check lives in shared/accelerator.ts; this only bounds it.
 */
export const Accelerator = z.string().trim().min(1).max(100);

/** How Parley lives in the background. Not secrets: stored in the database's settings table. */
export const QuickAskSettings = z.object({
  hotkey: Accelerator,
  /** Closing the main window keeps Parley running in the tray (macOS default on, elsewhere off). */
  closeToTray: z.boolean(),
  openAtLogin: z.boolean(),
  /** "Use clipboard text" starts switched on in a new quick ask. Off by default. */
  useClipboardByDefault: z.boolean(),
});
export type QuickAskSettings = z.infer<typeof QuickAskSettings>;

/** What the settings screen shows: the settings, and why the hotkey is not working if it is not. */
export const QuickAskState = QuickAskSettings.extend({
  /** Null while the hotkey is registered; otherwise a sentence saying why it is not (another app holds it, …). */
  hotkeyProblem: z.string().nullable(),
});
export type QuickAskState = z.infer<typeof QuickAskState>;

export const SetQuickAskInput = QuickAskSettings.partial().strict();
export type SetQuickAskInput = z.infer<typeof SetQuickAskInput>;
