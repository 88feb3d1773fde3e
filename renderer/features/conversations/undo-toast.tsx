import { undoDelete, useUndoStore } from '../../stores/conversation-actions';

export function UndoToast() {
  const pending = useUndoStore((s) => s.pending);
  if (!pending) return null;
  return (
    <div className="toast" role="status">
      <span>Deleted “{pending.conversation.title}”</span>
      <button type="button" className="link" onClick={undoDelete}>
        Undo
      </button>
    </div>
  );
}
