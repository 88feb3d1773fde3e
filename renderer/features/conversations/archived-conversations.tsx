import { openArchive, setArchived, useArchiveStore } from '../../stores/conversation-actions';

/** The archive at the foot of the list: conversations kept but out of the way, one click from coming back. */
export function ArchivedConversations() {
  const { open, conversations } = useArchiveStore();
  return (
    <div className="archive">
      <button type="button" className="link archive-toggle" aria-expanded={open} onClick={() => void openArchive(!open)}>
        Archived conversations
      </button>
      {open && (
        <section aria-label="Archived conversations">
          {conversations.length === 0 ? (
            <p className="empty-list">Nothing archived.</p>
          ) : (
            <ul className="conversation-list">
              {conversations.map((c) => (
                <li key={c.id} className="conversation">
                  <span className="conversation-open">{c.title}</span>
                  <button type="button" className="link" aria-label={`Unarchive ${c.title}`} onClick={() => void setArchived(c.id, false)}>
                    Unarchive
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
