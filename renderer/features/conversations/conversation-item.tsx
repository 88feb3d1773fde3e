import { useState } from 'react';
import type { Conversation } from '../../../shared/domain';
import { ConversationMenu } from './conversation-menu';

interface Props {
  conversation: Conversation;
  selected: boolean;
  onSelect(): void;
  onRename(title: string): void;
  onPin(pinned: boolean): void;
  onExport(format: 'markdown' | 'json'): void;
  onArchive(): void;
  onDelete(): void;
  /** The virtual list's measuring ref and row index. */
  row: { ref: (el: Element | null) => void; index: number };
}

export function ConversationItem({ conversation, selected, onSelect, onRename, onPin, onExport, onArchive, onDelete, row }: Props) {
  const [mode, setMode] = useState<'view' | 'rename' | 'export'>('view');
  const [draft, setDraft] = useState(conversation.title);
  const title = conversation.title;

  if (mode === 'rename') {
    return (
      <li className="conversation editing" ref={row.ref} data-index={row.index}>
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

  if (mode === 'export') {
    const pick = (format: 'markdown' | 'json') => {
      onExport(format);
      setMode('view');
    };
    return (
      <li className="conversation confirming" role="group" aria-label={`Export ${title}`} ref={row.ref} data-index={row.index}>
        <span className="confirm-text">Export “{title}” as</span>
        <button type="button" onClick={() => pick('markdown')} autoFocus>
          Markdown
        </button>
        <button type="button" onClick={() => pick('json')}>
          JSON
        </button>
        <button type="button" onClick={() => setMode('view')}>
          Cancel
        </button>
      </li>
    );
  }

  return (
    <li className={`conversation${selected ? ' selected' : ''}`} ref={row.ref} data-index={row.index}>
      <button type="button" className="conversation-open" aria-current={selected ? 'page' : undefined} onClick={onSelect}>
        {conversation.pinned && <span aria-hidden="true">📌 </span>}
        <span className="conversation-title">{title}</span>
        {conversation.origin === 'quick' && (
          <span className="origin-badge" title="Asked in the quick-ask window">
            <span aria-hidden="true">Quick</span>
            <span className="visually-hidden"> (quick ask)</span>
          </span>
        )}
      </button>
      <ConversationMenu
        title={title}
        actions={[
          {
            label: 'Rename',
            run: () => {
              setDraft(title);
              setMode('rename');
            },
          },
          { label: conversation.pinned ? 'Unpin' : 'Pin', run: () => onPin(!conversation.pinned) },
          { label: 'Export', run: () => setMode('export') },
          { label: 'Archive', run: onArchive },
          { label: 'Delete', danger: true, run: onDelete },
        ]}
      />
    </li>
  );
}
