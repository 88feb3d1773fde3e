import { useContext, useEffect, useRef } from 'react';
import { siblingsOf } from '../../../shared/message-tree';
import { useBranchStore } from '../../stores/branch-store';
import { BranchContext } from './branch-context';

/** ‹ 2/3 ›: the versions of a message made by regenerating or editing, oldest first. */
export function VersionSwitcher({ messageId }: { messageId: string }) {
  const branches = useContext(BranchContext);
  const switchVersion = useBranchStore((s) => s.switchVersion);
  const previous = useRef<HTMLButtonElement>(null);
  const next = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const switched = useBranchStore.getState().switchedTo;
    if (switched?.messageId !== messageId) return;
    useBranchStore.setState({ switchedTo: null });
    // At the first or last version the button pressed is disabled: the other one takes the focus.
    const wanted = switched.control === 'previous' ? previous.current : next.current;
    (wanted && !wanted.disabled ? wanted : (previous.current?.disabled ? next.current : previous.current))?.focus();
  }, [messageId]);

  if (!branches) return null;
  const versions = siblingsOf(branches.tree, messageId);
  if (versions.length < 2) return null;
  const at = versions.indexOf(messageId);
  return (
    <div className="version-switcher" role="group" aria-label={`Version ${at + 1} of ${versions.length}`}>
      <button
        ref={previous}
        type="button"
        className="icon"
        aria-label="Previous version"
        disabled={at === 0}
        onClick={() => switchVersion(branches.conversationId, versions[at - 1]!, 'previous')}
      >
        ‹
      </button>
      <span aria-hidden="true">
        {at + 1}/{versions.length}
      </span>
      <button
        ref={next}
        type="button"
        className="icon"
        aria-label="Next version"
        disabled={at === versions.length - 1}
        onClick={() => switchVersion(branches.conversationId, versions[at + 1]!, 'next')}
      >
        ›
      </button>
    </div>
  );
}
