import { useState, type KeyboardEvent } from 'react';
import { acceleratorFromKey, describeAccelerator } from './accelerator-from-key';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

interface HotkeyFieldProps {
  hotkey: string;
  /** Resolves with the refusal's text when main could not register the combination, else null. */
  onChange(accelerator: string): Promise<string | null>;
}

/** The quick-ask hotkey, changed by pressing the new combination after "Change hotkey". */
export function HotkeyField({ hotkey, onChange }: HotkeyFieldProps) {
  const [capturing, setCapturing] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    if (!capturing) return;
    // Plain Tab leaves, so a keyboard user is never trapped on the button.
    if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) return setCapturing(false);
    e.preventDefault();
    e.stopPropagation(); // Escape here cancels the capture, not the whole Settings dialog
    if (e.key === 'Escape' && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey) return setCapturing(false);
    const got = acceleratorFromKey(e, isMac);
    if (got.kind === 'modifier-only') return;
    if (got.kind !== 'ok') {
      setHint(got.kind === 'unsupported' ? 'That key cannot be a hotkey. Try a letter, digit, Space or F-key.' : 'Hold Ctrl, Alt or another modifier with the key.');
      return;
    }
    setCapturing(false);
    setHint(null);
    void onChange(got.accelerator).then((problem) => {
      setRefusal(problem);
      setSaved(problem === null);
    });
  }

  return (
    <div className="hotkey-field">
      <span className="hotkey-label" id="quick-hotkey-label">
        Hotkey
      </span>
      <span className="hotkey-keys" aria-labelledby="quick-hotkey-label" role="group" data-accelerator={hotkey}>
        {describeAccelerator(hotkey, isMac).map((k, i) => (
          <kbd key={i}>{k}</kbd>
        ))}
      </span>
      <button
        type="button"
        aria-describedby="quick-hotkey-help"
        aria-pressed={capturing}
        onClick={() => {
          setCapturing(!capturing);
          setHint(null);
          setSaved(false);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setCapturing(false)}
      >
        Change hotkey
      </button>
      <p className="hint" id="quick-hotkey-help" aria-live="polite">
        {capturing ? (hint ?? 'Press the new combination now (Esc to cancel).') : saved ? 'Hotkey saved.' : 'Opens quick ask from any app.'}
      </p>
      {refusal && (
        <div role="alert" className="problem">
          {refusal}
        </div>
      )}
    </div>
  );
}
