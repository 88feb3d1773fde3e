import { contextText } from './quoted-context';
import { useQuickStore } from './quick-store';

/** Exactly the text that goes with the question, as the quote it will be sent as. */
export function ClipboardPreview() {
  const useClipboard = useQuickStore((s) => s.useClipboard);
  const clipboard = useQuickStore((s) => s.clipboard);
  if (!useClipboard || !clipboard) return null;
  const text = contextText(clipboard.text);
  const empty = text === '';
  return (
    <figure className="quick-clipboard" aria-label="Clipboard text to send">
      {empty ? (
        <p className="hint">The clipboard has no text: only the question will be sent.</p>
      ) : (
        <blockquote>{text}</blockquote>
      )}
      {clipboard.truncated && <figcaption className="hint">Long clipboard text is cut: only this much is sent.</figcaption>}
    </figure>
  );
}
