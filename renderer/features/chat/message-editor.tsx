import { useRef, useState, type KeyboardEvent } from 'react';
import type { Message } from '../../../shared/domain';
import { editAndResend } from '../../stores/branch-actions';
import { useBranchStore } from '../../stores/branch-store';
import { useChatStore } from '../../stores/chat-store';

/**
 * Edits a sent question in place. Sending makes a new version beside the old
 * one, with a new answer; the old question and its answer stay a switch away.
 */
export function MessageEditor({ message }: { message: Message }) {
  const [text, setText] = useState(message.content);
  const sending = useChatStore((s) => s.sending);
  const streaming = useChatStore((s) => (s.messages[message.conversationId] ?? []).some((m) => m.status === 'streaming'));
  const form = useRef<HTMLFormElement>(null);
  const close = () => useBranchStore.getState().setEditing(null);
  const cancel = () => {
    // The message stays on screen: the keyboard goes back to its Edit button rather than to the page.
    const article = form.current?.closest('article');
    close();
    requestAnimationFrame(() => article?.querySelector<HTMLButtonElement>('button[data-action="edit"]')?.focus());
  };
  const canSend = text.trim() !== '' && !sending && !streaming;

  async function submit() {
    if (!canSend) return;
    // The editor stays open with the text until main accepted it: a refused edit loses nothing.
    if (await editAndResend(message, text)) close();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Escape') cancel();
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  }

  return (
    <form
      ref={form}
      className="message-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <textarea
        aria-label="Edited message"
        value={text}
        rows={Math.min(12, Math.max(2, text.split('\n').length))}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <div className="message-editor-buttons">
        <button type="button" onClick={cancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!canSend}>
          Save and send
        </button>
      </div>
    </form>
  );
}
