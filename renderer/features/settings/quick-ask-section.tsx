import { useEffect, useState } from 'react';
import type { QuickAskSettings, QuickAskState } from '../../../shared/quick-ask';
import { parley } from '../../api/parley';
import { HotkeyField } from './hotkey-field';

type Flag = 'closeToTray' | 'openAtLogin' | 'useClipboardByDefault';

const flags: { key: Flag; label: string }[] = [
  { key: 'closeToTray', label: 'Keep Parley running in the tray when the window closes' },
  { key: 'openAtLogin', label: 'Open at login' },
  { key: 'useClipboardByDefault', label: 'Use clipboard text by default' },
];

/**
 * The quick-ask window and how Parley lives in the background. Each change applies at once, like the theme:
 * a hotkey is only worth keeping once main has registered it, so it cannot wait for Save.
 */
export function QuickAskSection() {
  const [state, setState] = useState<QuickAskState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void parley.settings.getQuickAsk({}).then((r) => (r.ok ? setState(r.value) : setProblem(r.error.message)));
  }, []);

  async function change(patch: Partial<QuickAskSettings>): Promise<string | null> {
    const r = await parley.settings.setQuickAsk(patch);
    if (!r.ok) return r.error.message; // main kept the previous settings, and so does this screen
    setState(r.value);
    return null;
  }

  // A checkbox shows its new state at once, and goes back if main refused it.
  async function toggle(key: Flag, on: boolean): Promise<void> {
    setState((s) => s && { ...s, [key]: on });
    const refusal = await change({ [key]: on });
    if (refusal !== null) setState((s) => s && { ...s, [key]: !on });
    setProblem(refusal);
  }

  return (
    <fieldset>
      <legend>Quick ask</legend>
      {state ? (
        <>
          <HotkeyField hotkey={state.hotkey} onChange={(hotkey) => change({ hotkey })} />
          {state.hotkeyProblem && (
            <div role="alert" className="warning">
              {state.hotkeyProblem}
            </div>
          )}
          {flags.map((f) => (
            <label key={f.key} className="check">
              <input type="checkbox" checked={state[f.key]} onChange={(e) => void toggle(f.key, e.target.checked)} />
              {f.label}
            </label>
          ))}
        </>
      ) : (
        !problem && <p className="hint">Loading…</p>
      )}
      {problem && (
        <div role="alert" className="problem">
          {problem}
        </div>
      )}
    </fieldset>
  );
}
