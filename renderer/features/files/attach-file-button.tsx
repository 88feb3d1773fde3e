import { useRef } from 'react';
import { dropFiles } from './file-actions';

/**
 * The same as dropping on the composer, for people who cannot or would
 * rather not drag: a file picker, several files at once.
 */
export function AttachFileButton({ conversationId }: { conversationId: string | null }) {
  const input = useRef<HTMLInputElement>(null);
  const label = conversationId ? 'Attach files to this conversation' : 'Explain files';
  return (
    <>
      <button type="button" className="attach-file" aria-label={label} title={label} onClick={() => input.current?.click()}>
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M21 11.5l-8.5 8.5a5.5 5.5 0 01-7.8-7.8l9-9a3.7 3.7 0 015.2 5.2l-9 9a1.8 1.8 0 01-2.6-2.6l8.3-8.3" />
        </svg>
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = ''; // the same file can be chosen again
          if (files.length) dropFiles(conversationId ? 'composer' : 'window', files.map((file) => ({ kind: 'file', file })));
        }}
      />
    </>
  );
}
