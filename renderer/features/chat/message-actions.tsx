import { useContext, useEffect, useState } from 'react';
import type { Message } from '../../../shared/domain';
import { canContinue } from '../../../shared/message-tree';
import { writeClipboard } from '../../components/clipboard';
import { continueAnswer, regenerate } from '../../stores/branch-actions';
import { useBranchStore } from '../../stores/branch-store';
import { BranchContext } from './branch-context';
import { VersionSwitcher } from './version-switcher';

/** The row under a message: its versions, then what can be done with it. */
export function MessageActions({ message }: { message: Message }) {
  const branches = useContext(BranchContext);
  const setEditing = useBranchStore((s) => s.setEditing);
  const [copyNote, setCopyNote] = useState('');

  useEffect(() => {
    if (copyNote === '') return;
    const timer = setTimeout(() => setCopyNote(''), 2500);
    return () => clearTimeout(timer);
  }, [copyNote]);

  if (!branches) return null;
  // While a new version streams, the older ones can still be looked at; acting on it waits for the end.
  if (message.status === 'streaming') {
    return (
      <div className="message-actions">
        <VersionSwitcher messageId={message.id} />
      </div>
    );
  }
  const busy = branches.busy;
  const isAnswer = message.role === 'assistant';

  async function copy() {
    try {
      // The markdown source, as written: what a person pastes into a document or another chat.
      await writeClipboard(message.content);
      setCopyNote('Copied');
    } catch (err) {
      setCopyNote(`Could not copy: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return (
    <div className="message-actions">
      <VersionSwitcher messageId={message.id} />
      {message.content !== '' && (
        <button type="button" className="icon" onClick={() => void copy()}>
          Copy
        </button>
      )}
      {message.role === 'user' && (
        <button type="button" className="icon" data-action="edit" disabled={busy} onClick={() => setEditing(message.id)}>
          Edit
        </button>
      )}
      {isAnswer && (
        <button type="button" className="icon" disabled={busy} onClick={() => void regenerate(message)}>
          Regenerate
        </button>
      )}
      {isAnswer && canContinue(message) && branches.leafId === message.id && (
        <button type="button" className="icon" disabled={busy} onClick={() => void continueAnswer(message)}>
          Continue
        </button>
      )}
      <span role="status" className="action-note">
        {copyNote}
      </span>
    </div>
  );
}
