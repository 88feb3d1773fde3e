import { useEffect } from 'react';
import type { Attachment } from '../../../shared/dropped-files';
import { loadAttachments, useAttachments } from './attachments-store';
import { formatSize } from './plan-figures';

const none: Attachment[] = [];

const kindNames: Record<Attachment['kind'], string> = {
  code: 'Code',
  text: 'Text',
  markdown: 'Markdown',
  log: 'Log',
  csv: 'Table',
  json: 'JSON',
  pdf: 'PDF',
  docx: 'Word document',
  image: 'Image',
};

/** The files a question was sent with: name, kind and size, each named in full for screen readers. */
export function MessageAttachments({ conversationId, messageId }: { conversationId: string; messageId: string }) {
  const list = useAttachments((s) => s.byConversation[conversationId] ?? none);
  useEffect(() => loadAttachments(conversationId), [conversationId]);
  const mine = list.filter((a) => a.messageId === messageId);
  if (!mine.length) return null;
  return (
    <ul className="attachments" aria-label="Attached files">
      {mine.map((a) => (
        <li key={a.id} className="attachment" aria-label={`${a.name}, ${kindNames[a.kind]}, ${formatSize(a.size)}`}>
          <span className="attachment-icon" aria-hidden="true">
            {a.kind === 'image' ? '▣' : '▤'}
          </span>
          <span className="attachment-name" title={a.name}>
            {a.name}
          </span>
          <span className="attachment-meta" aria-hidden="true">
            {kindNames[a.kind]} · {formatSize(a.size)}
          </span>
        </li>
      ))}
    </ul>
  );
}
