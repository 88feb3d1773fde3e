import { checkAccelerator, describeAccelerator } from '../../../shared/accelerator';
import { DEFAULT_QUICK_ASK_HOTKEY, QuickAskSettings, type QuickAskState, type SetQuickAskInput } from '../../../shared/quick-ask';
import type { SettingsRepository } from '../../db/settings-repository';
import { AppError } from '../app-error';
import type { DesktopShell, HotkeyRegistration } from './desktop-shell';

const key = 'quickAsk';

export interface QuickAskSettingsDeps {
  settings: SettingsRepository;
  desktop: DesktopShell;
  /** process.platform in the app; tests pass another to check the macOS defaults. */
  platform: string;
}

/**
 * The quick-ask settings and the desktop state they drive. The hotkey is
 * registered before it is saved, so the saved hotkey is always one that
 * worked (or the one that was there before a failed change).
 */
export function createQuickAskSettings({ settings, desktop, platform }: QuickAskSettingsDeps) {
  // Mac apps conventionally live on in the menu bar when their window closes; elsewhere closing means quitting.
  const defaults: QuickAskSettings = { hotkey: DEFAULT_QUICK_ASK_HOTKEY, closeToTray: platform === 'darwin', openAtLogin: false, useClipboardByDefault: false };
  /** Why the saved hotkey is not registered, from the last attempt; kept in memory because it is about this run. */
  let hotkeyProblem: string | null = null;

  /** Field by field, so one value stored wrong (hand-edited, or from an older rule) falls back alone instead of resetting the rest. */
  const saved = (): QuickAskSettings => {
    const stored = settings.get<Record<string, unknown>>(key) ?? {};
    const field = <K extends keyof QuickAskSettings>(k: K): QuickAskSettings[K] => {
      const parsed = QuickAskSettings.shape[k].safeParse(stored[k]);
      return parsed.success ? (parsed.data as QuickAskSettings[K]) : defaults[k];
    };
    const hotkey = field('hotkey');
    return {
      hotkey: checkAccelerator(hotkey).ok ? hotkey : defaults.hotkey,
      closeToTray: field('closeToTray'),
      openAtLogin: field('openAtLogin'),
      useClipboardByDefault: field('useClipboardByDefault'),
    };
  };
  const state = (): QuickAskState => ({ ...saved(), hotkeyProblem });
  const say = (accelerator: string) => describeAccelerator(accelerator, platform);

  const register = (accelerator: string): HotkeyRegistration => {
    try {
      return desktop.registerHotkey(accelerator);
    } catch (err) {
      return { ok: false, reason: 'unsupported', message: err instanceof Error ? err.message : String(err) };
    }
  };

  function failureSentence(failed: HotkeyRegistration & { ok: false }, accelerator: string): string {
    if (failed.reason === 'taken') return `Another app is using ${say(accelerator)}`;
    if (failed.reason === 'invalid') return `${say(accelerator)} cannot be used as a hotkey on this system`;
    return `This system did not let Parley register ${say(accelerator)} (${failed.message.replace(/[.\s]+$/, '')})`;
  }

  return {
    get: state,

    set(input: SetQuickAskInput): QuickAskState {
      const current = saved();
      const next: QuickAskSettings = { ...current, ...input };
      if (input.hotkey !== undefined) {
        const check = checkAccelerator(input.hotkey);
        if (!check.ok) throw new AppError('BAD_INPUT', `${check.problem} Parley kept ${say(current.hotkey)}.`);
        next.hotkey = check.accelerator;
        // Re-registering an unchanged, working hotkey would only flicker it off and on.
        if (next.hotkey !== current.hotkey || hotkeyProblem !== null) {
          const result = register(next.hotkey);
          if (!result.ok) {
            const kept = next.hotkey === current.hotkey ? 'the hotkey is still off' : `Parley kept ${say(current.hotkey)}`;
            throw new AppError('BAD_INPUT', `${failureSentence(result, next.hotkey)}; ${kept}.`);
          }
          hotkeyProblem = null;
        }
      }
      if (next.closeToTray !== current.closeToTray) desktop.setCloseToTray(next.closeToTray);
      if (next.openAtLogin !== current.openAtLogin) desktop.setOpenAtLogin(next.openAtLogin);
      settings.set(key, next);
      return state();
    },

    /** Called once the shell's windows exist: a hotkey another app holds is reported in settings, never fatal. */
    applyAtStart(): void {
      const current = saved();
      const result = register(current.hotkey);
      hotkeyProblem = result.ok ? null : `${failureSentence(result, current.hotkey)}, so the quick-ask hotkey is off. Choose another one here.`;
      desktop.setCloseToTray(current.closeToTray);
      desktop.setOpenAtLogin(current.openAtLogin);
    },
  };
}

export type QuickAskSettingsService = ReturnType<typeof createQuickAskSettings>;
