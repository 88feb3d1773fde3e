import type { Conversation, Message } from '../../../shared/domain';

export const exportFormatVersion = 1;

/** The branch a person last saw by default: from the root to the newest leaf. */
export function newestBranch(messages: Message[]): Message[] {
  if (messages.length === 0) return [];
  const byId = new Map(messages.map((m) => [m.id, m]));
  const hasChild = new Set(messages.map((m) => m.parentId).filter(Boolean));
  const leaves = messages.filter((m) => !hasChild.has(m.id));
  let leaf = leaves[0]!;
  for (const l of leaves) if (l.createdAt >= leaf.createdAt) leaf = l;
  const path: Message[] = [];
  const seen = new Set<string>();
  for (let m: Message | undefined = leaf; m && !seen.has(m.id); m = m.parentId ? byId.get(m.parentId) : undefined) {
    seen.add(m.id);
    path.push(m);
  }
  return path.reverse();
}

export function safeFileName(title: string): string {
  // Characters Windows, macOS or Linux refuse in a file name, and control characters.
  const cleaned = [...title]
    .map((ch) => ('\\/:*?"<>|'.includes(ch) || ch.charCodeAt(0) < 32 ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return cleaned || 'Conversation';
}

/** Readable Markdown of the conversation as shown: a heading per speaker, answers as they were written. */
export function toMarkdown(conversation: Conversation, messages: Message[]): string {
  const lines = [`# ${conversation.title}`, '', `_Exported from Parley on ${new Date().toISOString().slice(0, 10)}_`, ''];
  for (const m of newestBranch(messages)) {
    if (m.role === 'system') continue;
    lines.push(`## ${m.role === 'user' ? 'You' : `Assistant${m.model ? ` (${m.model})` : ''}`}`, '', m.content.trimEnd(), '');
    if (m.status !== 'complete' && m.role === 'assistant') lines.push(`_(${m.status}${m.error ? `: ${m.error.message}` : ''})_`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Full fidelity: every message of every branch, with status, usage and timings. Never any key. */
export function toJson(conversation: Conversation, messages: Message[]): string {
  return `${JSON.stringify({ format: 'parley-conversation', version: exportFormatVersion, conversation, messages }, null, 2)}\n`;
}
