import { useState } from 'react';
import type { Conversation } from '../../../shared/domain';

interface Props {
  conversation: Conversation;
  selected: boolean;
  onSelect(): void;
  onRename(title: string): void;
  onDelete(): void;
}

export function ConversationItem({ conversation, selected, onSelect, onRename, onDelete }: Props) {
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');
  const [draft, setDraft] = useState(conversation.title);
  const title = conversation.title;

  if (mode === 'rename') {
    return (
      <li className="conversation editing">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim()) onRename(draft.trim());
            setMode('view');
          }}
        >
          <input
            aria-label="Conversation title"
            value={draft}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setMode('view')}
            onBlur={() => setMode('view')}
          />
        </form>
      </li>
    );
  }

  if (mode === 'confirm-delete') {
    return (
      <li className="conversation confirming" role="group" aria-label={`Delete ${title}?`}>
        <span className="confirm-text">Delete “{title}”?</span>
        <button type="button" className="danger" onClick={onDelete} autoFocus>
          Delete
        </button>
        <button type="button" onClick={() => setMode('view')}>
          Keep
        </button>
      </li>
    );
  }

  return (
    <li className={`conversation${selected ? ' selected' : ''}`}>
      <button type="button" className="conversation-open" aria-current={selected ? 'page' : undefined} onClick={onSelect}>
        {title}
      </button>
      <span className="conversation-actions">
        <button
          type="button"
          className="icon"
          aria-label={`Rename ${title}`}
          title="Rename"
          onClick={() => {
            setDraft(title);
            setMode('rename');
          }}
        >
          ✎
        </button>
        <button type="button" className="icon" aria-label={`Delete ${title}`} title="Delete" onClick={() => setMode('confirm-delete')}>
          🗑
        </button>
      </span>
    </li>
  );
}
