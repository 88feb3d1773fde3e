import { useContext } from 'react';
import { siblingsOf } from '../../../shared/message-tree';
import { useBranchStore } from '../../stores/branch-store';
import { BranchContext } from './branch-context';

/** ‹ 2/3 ›: the versions of a message made by regenerating or editing, oldest first. */
export function VersionSwitcher({ messageId }: { messageId: string }) {
  const branches = useContext(BranchContext);
  const showBranch = useBranchStore((s) => s.showBranch);
  if (!branches) return null;
  const versions = siblingsOf(branches.tree, messageId);
  if (versions.length < 2) return null;
  const at = versions.indexOf(messageId);
  const show = (i: number) => showBranch(branches.conversationId, versions[i]!);
  return (
    <div className="version-switcher" role="group" aria-label={`Version ${at + 1} of ${versions.length}`}>
      <button type="button" className="icon" aria-label="Previous version" disabled={at === 0} onClick={() => show(at - 1)}>
        ‹
      </button>
      <span aria-hidden="true">
        {at + 1}/{versions.length}
      </span>
      <button type="button" className="icon" aria-label="Next version" disabled={at === versions.length - 1} onClick={() => show(at + 1)}>
        ›
      </button>
    </div>
  );
}
