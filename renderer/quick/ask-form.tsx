import { useLayoutEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { adoptBootAsk } from './boot-ask';
import { askQuick, stopQuick, useQuickStore } from './quick-store';

/** The question box: Enter sends, Shift+Enter starts a new line; Stop takes Send's place while an answer streams. */
export function AskForm({ input }: { input: RefObject<HTMLTextAreaElement | null> }) {
  const [text, setText] = useState('');
  const sending = useQuickStore((s) => s.sending);
  const streaming = useQuickStore((s) => s.messages.some((m) => m.status === 'streaming'));
  const followUp = useQuickStore((s) => s.conversationId !== null);
  const budgetRefused = useQuickStore((s) => s.budgetRefused);
  const canSend = text.trim() !== '' && !sending && !streaming;
  useLayoutEffect(() => {
    if (input.current) adoptBootAsk(input.current, setText);
  }, [input]);

  async function submit(overrideBudget = false) {
    if (!canSend) return;
    // The text stays in the box until main took it: a failed send loses nothing.
    if (await askQuick(text, { overrideBudget })) setText('');
    input.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    // Ctrl/Cmd+Enter belongs to "Open in main window" (quick-keys.ts).
    if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  }

  return (
    <form
      className="quick-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <textarea
        ref={input}
        aria-label="Ask"
        placeholder={followUp ? 'Ask a follow-up…' : 'Ask anything…'}
        value={text}
        rows={Math.min(6, Math.max(1, text.split('\n').length))}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        autoFocus
      />
      {streaming ? (
        <button type="button" className="stop" onClick={() => void stopQuick()}>
          Stop
        </button>
      ) : (
        <button type="submit" className="send" disabled={!canSend}>
          Send
        </button>
      )}
      {budgetRefused && !streaming && (
        // For this one question: the next is stopped by the budget again, as in the main window.
        <button type="button" className="send-anyway" disabled={!canSend} onClick={() => void submit(true)}>
          Send anyway
        </button>
      )}
    </form>
  );
}
