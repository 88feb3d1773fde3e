import { useEffect, useState } from 'react';
import { writeClipboard } from '../clipboard';

type CopyState = 'idle' | 'copied' | 'failed';

const label: Record<CopyState, string> = { idle: 'Copy', copied: 'Copied', failed: 'Copy failed' };
const announcement: Record<CopyState, string> = {
  idle: '',
  copied: 'Code copied to the clipboard',
  failed: 'Could not copy: the clipboard is not available. Select the code and copy it by hand.',
};

export function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), state === 'copied' ? 2000 : 6000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <>
      <button
        type="button"
        className="code-copy"
        aria-label="Copy code"
        onClick={() => writeClipboard(text).then(() => setState('copied'), () => setState('failed'))}
      >
        {label[state]}
      </button>
      <span className="code-copy-status" aria-live="polite">
        {state === 'failed' ? announcement.failed : ''}
        {state === 'copied' && <span className="visually-hidden">{announcement.copied}</span>}
      </span>
    </>
  );
}
