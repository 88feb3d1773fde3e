import { conversationById, useChatStore } from '../../stores/chat-store';
import { BranchContext, useBranches } from './branch-context';
import { Composer } from './composer';
import { ConversationOptionsButton } from './conversation-options-dialog';
import { ConversationProviderPicker } from './conversation-provider-picker';
import { MessageList } from './message-list';
import { ConversationCost } from '../usage/message-cost';

const noMessages: never[] = [];

export function ChatView() {
  const selectedId = useChatStore((s) => s.selectedId);
  const messages = useChatStore((s) => (s.selectedId ? (s.messages[s.selectedId] ?? noMessages) : noMessages));
  const title = useChatStore((s) => conversationById(s, s.selectedId)?.title ?? 'New chat');
  const { problem, sending, send, stop, dismissProblem } = useChatStore();
  const streaming = messages.find((m) => m.status === 'streaming');
  const { path, branches } = useBranches(selectedId, messages, sending || streaming !== undefined);

  return (
    <main className="chat" aria-label={title}>
      <div className="chat-header">
        <h1 className="chat-title">{title}</h1>
        <ConversationCost />
        <ConversationProviderPicker />
        <ConversationOptionsButton />
      </div>
      {selectedId && messages.length > 0 ? (
        <BranchContext.Provider value={branches}>
          {/* Keyed by conversation: each opens at its end, whatever the last one's scroll was. */}
          <MessageList key={selectedId} messages={path} />
        </BranchContext.Provider>
      ) : (
        <div className="welcome">
          <p>Ask anything. Answers stream in as they are written, and every conversation is kept on this computer.</p>
        </div>
      )}
      {problem && (
        <div role="alert" className="problem">
          <span>{problem}</span>
          <button type="button" className="icon" aria-label="Dismiss" onClick={dismissProblem}>
            ×
          </button>
        </div>
      )}
      <Composer streamingMessageId={streaming?.id ?? null} sending={sending} onSend={send} onStop={(id) => void stop(id)} />
    </main>
  );
}
