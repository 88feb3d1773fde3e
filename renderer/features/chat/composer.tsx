import { useRef, useState, type KeyboardEvent } from 'react';
import { RequestEstimate } from './request-estimate';
import { useChatStore } from '../../stores/chat-store';
import type { PromptTemplate } from '../../../shared/prompt-templates';
import { useTemplatePicker } from '../templates/use-template-picker';
import { TemplateChip } from '../templates/template-chip';
import { FileJobs } from '../files/file-jobs';
import { AttachFileButton } from '../files/attach-file-button';
import { BudgetNotice } from '../usage/budget-notice';
import { useUsageStore } from '../../stores/usage-store';

interface ComposerProps {
  streamingMessageId: string | null;
  sending: boolean;
  onSend(text: string, temperature?: number): Promise<boolean>;
  onStop(messageId: string): void;
}

export function Composer({ streamingMessageId, sending, onSend, onStop }: ComposerProps) {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const conversationId = useChatStore((s) => s.selectedId);
  const canSend = text.trim() !== '' && !sending && streamingMessageId === null;
  const [template, setTemplate] = useState<PromptTemplate | null>(null);
  const picker = useTemplatePicker(text, (t) => {
    setTemplate(t);
    setText(`${t.prompt}\n\n`);
    input.current?.focus();
  });

  async function submit() {
    if (!canSend) return;
    // The text stays in the box until main accepted it: a failed send loses nothing.
    if (await onSend(text, template?.temperature ?? undefined)) {
      setText('');
      setTemplate(null);
    }
    input.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (picker.onKeyDown(e)) return;
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  }

  return (
    <>
      <FileJobs conversationId={conversationId} />
      <form
        className="composer"
        // Files dropped here join this conversation rather than starting their own (features/files/use-file-drop.ts);
        // before the first message there is none to join, and a drop here is a drop on the window.
        data-drop-target={conversationId ? 'composer' : undefined}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <AttachFileButton conversationId={conversationId} />
        <textarea
          ref={input}
          aria-label="Message"
          placeholder="Ask anything…  (Enter to send, Shift+Enter for a new line, / for templates)"
          value={text}
          rows={Math.min(10, Math.max(1, text.split('\n').length))}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          autoFocus
        />
        {streamingMessageId ? (
          <button type="button" className="stop" onClick={() => onStop(streamingMessageId)}>
            Stop
          </button>
        ) : (
          <button type="submit" className="send" disabled={!canSend}>
            Send
          </button>
        )}
        {picker.element}
        {template && <TemplateChip template={template} onClear={() => setTemplate(null)} />}
        <RequestEstimate draft={text} />
        <BudgetNotice
          canSend={canSend}
          onSendAnyway={() => {
            useUsageStore.getState().allowOnce();
            void submit();
          }}
        />
      </form>
    </>
  );
}
