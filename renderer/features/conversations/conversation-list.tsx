import { useChatStore } from '../../stores/chat-store';
import { parley, unwrap } from '../../api/parley';
import { deleteWithUndo, loadMoreConversations, setArchived, setPinned } from '../../stores/conversation-actions';
import { ArchivedConversations } from './archived-conversations';
import { SearchPanel } from '../search/search-panel';
import { ConversationItem } from './conversation-item';
import { ConversationGroups } from './conversation-groups';
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

const loadMore = () => void loadMoreConversations();

export function ConversationList() {
  // Field by field: a streamed answer changes the store many times a second and must not redraw the list.
  const conversations = useChatStore((s) => s.conversations);
  const selectedId = useChatStore((s) => s.selectedId);
  const listRead = useChatStore((s) => s.listRead);
  const { select, rename, newChat } = useChatStore.getState();
  return (
    <nav className="sidebar" aria-label="Conversations">
      <button type="button" className="new-chat" onClick={newChat}>
        New chat
      </button>
      <SearchPanel />
      {conversations.length === 0 ? (
        <p className="empty-list" role="status">
          {listRead ? 'No conversations yet.' : 'Reading your conversations…'}
        </p>
      ) : (
        <ConversationGroups
          conversations={conversations}
          onNearEnd={loadMore}
          renderConversation={(c, row) => (
            <ConversationItem
              key={c.id}
              row={row}
              conversation={c}
              selected={c.id === selectedId}
              onSelect={() => void select(c.id)}
              onRename={(title) => void rename(c.id, title)}
              onPin={(pinned) => void setPinned(c.id, pinned)}
              onExport={(format) => void exportConversation(c.id, format)}
              onArchive={() => void setArchived(c.id, true)}
              onDelete={() => deleteWithUndo(c.id)}
            />
          )}
        />
      )}
      <ArchivedConversations />
      <UndoToast />
    </nav>
  );
}
