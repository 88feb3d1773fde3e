import { useEffect, useRef } from 'react';
import { ModalDialog } from '../../components/modal-dialog';
import { describeCombo } from './shortcut-keys';
import { shortcuts } from './shortcuts';
import { useShortcutSheet } from './shortcuts-sheet-store';

export function ShortcutsSheet() {
  const open = useShortcutSheet((s) => s.open);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);
  if (!open) return null;
  const hide = () => useShortcutSheet.setState({ open: false });
  return (
    <ModalDialog title="Keyboard shortcuts" onClose={hide}>
      <table className="shortcuts">
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.combo}>
              <td>{s.label}</td>
              <td>
                <kbd>{describeCombo(s.combo)}</kbd>
              </td>
            </tr>
          ))}
          <tr>
            <td>Send the message</td>
            <td>
              <kbd>Enter</kbd>
            </td>
          </tr>
          <tr>
            <td>New line in the message</td>
            <td>
              <kbd>{describeCombo('Shift+Enter')}</kbd>
            </td>
          </tr>
        </tbody>
      </table>
      <div className="dialog-buttons">
        <button ref={close} type="button" onClick={hide}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
