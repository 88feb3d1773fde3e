import { useChatStore } from '../../stores/chat-store';
import { ConversationItem } from './conversation-item';

export function ConversationList() {
  const { conversations, selectedId, select, rename, remove, newChat } = useChatStore();
  return (
    <nav className="sidebar" aria-label="Conversations">
      <button type="button" className="new-chat" onClick={newChat}>
        New chat
      </button>
      {conversations.length === 0 ? (
        <p className="empty-list">No conversations yet.</p>
      ) : (
        <ul className="conversation-list">
          {conversations.map((c) => (
            <ConversationItem
              key={c.id}
              conversation={c}
              selected={c.id === selectedId}
              onSelect={() => void select(c.id)}
              onRename={(title) => void rename(c.id, title)}
              onDelete={() => void remove(c.id)}
            />
          ))}
        </ul>
      )}
    </nav>
  );
}
