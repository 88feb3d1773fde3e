import { useChatStore } from '../../stores/chat-store';
import { parley, unwrap } from '../../api/parley';
import { deleteWithUndo, setArchived, setPinned } from '../../stores/conversation-actions';
import { ArchivedConversations } from './archived-conversations';
import { SearchPanel } from '../search/search-panel';
import { ConversationItem } from './conversation-item';
import { groupByDate } from './date-groups';
import { downloadFile } from './download-file';
import { UndoToast } from './undo-toast';

async function exportConversation(id: string, format: 'markdown' | 'json'): Promise<void> {
  try {
    const file = await unwrap(parley.conversations.export({ id, format }));
    downloadFile(file.fileName, file.mimeType, file.content);
  } catch (err) {
    useChatStore.setState({ problem: err instanceof Error ? err.message : String(err) });
  }
}

export function ConversationList() {
  const { conversations, selectedId, select, rename, newChat } = useChatStore();
  return (
    <nav className="sidebar" aria-label="Conversations">
      <button type="button" className="new-chat" onClick={newChat}>
        New chat
      </button>
      <SearchPanel />
      {conversations.length === 0 ? (
        <p className="empty-list">No conversations yet.</p>
      ) : (
        <div className="conversation-groups">
          {groupByDate(conversations).map((group) => (
            <section key={group.label} aria-label={group.label}>
              <h2 className="group-label">{group.label}</h2>
              <ul className="conversation-list">
                {group.conversations.map((c) => (
                  <ConversationItem
                    key={c.id}
                    conversation={c}
                    selected={c.id === selectedId}
                    onSelect={() => void select(c.id)}
                    onRename={(title) => void rename(c.id, title)}
                    onPin={(pinned) => void setPinned(c.id, pinned)}
                    onExport={(format) => void exportConversation(c.id, format)}
                    onArchive={() => void setArchived(c.id, true)}
                    onDelete={() => deleteWithUndo(c.id)}
                  />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      <ArchivedConversations />
      <UndoToast />
    </nav>
  );
}
