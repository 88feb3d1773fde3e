import { ModelPicker } from './model-picker';
import { PinIcon } from './pin-icon';
import { openInMain, setPinned, setUseClipboard, startOver, useQuickStore } from './quick-store';

const modKey = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/** The row under the question: model, clipboard, pin, and the way into the main window. */
export function QuickToolbar() {
  const useClipboard = useQuickStore((s) => s.useClipboard);
  const pinned = useQuickStore((s) => s.pinned);
  const conversationId = useQuickStore((s) => s.conversationId);
  return (
    <div className="quick-toolbar">
      <ModelPicker />
      <label className="quick-check">
        <input type="checkbox" checked={useClipboard} onChange={(e) => void setUseClipboard(e.target.checked)} />
        Use clipboard text
      </label>
      <button
        type="button"
        className={`icon quick-pin${pinned ? ' on' : ''}`}
        aria-pressed={pinned}
        aria-label="Keep this window open"
        title={pinned ? 'Pinned: stays open when you click elsewhere' : 'Pin: stay open when you click elsewhere'}
        onClick={() => void setPinned(!pinned)}
      >
        <PinIcon filled={pinned} />
      </button>
      <span className="quick-spacer" />
      {conversationId && (
        <button type="button" className="quick-small" aria-label="New question" title="Start a new question" onClick={startOver}>
          New
        </button>
      )}
      <button
        type="button"
        className="quick-small"
        disabled={!conversationId}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        title={`Open in main window (${modKey}+Enter)`}
        onClick={() => void openInMain()}
      >
        Open in main window
      </button>
    </div>
  );
}
