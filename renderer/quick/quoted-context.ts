/**
 * The question as it is sent when "Use clipboard text" is on: the question, then the clipboard text as a
 * markdown quote. A quote keeps the two apart for the model and reads the same in the main window's
 * history; the question comes first because a conversation is named after its first line.
 */
export function withQuotedContext(question: string, context: string | null): string {
  const quote = quoteLines(context ?? '');
  return quote ? `${question.trimEnd()}\n\n${quote}` : question;
}

/** The part of the clipboard text that is sent: line ends made plain, blank lines at either end dropped. */
export function contextText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
}

export function quoteLines(text: string): string {
  const body = contextText(text);
  if (!body) return '';
  return body
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

/** A sent question taken apart again for display: the question, and the quoted context it ended with. */
export function splitQuotedContext(content: string): { question: string; context: string | null } {
  const m = /^([\s\S]*?)\n\n((?:>(?: .*)?(?:\n|$))+)$/.exec(content);
  if (!m || m[1]!.trim() === '') return { question: content, context: null };
  const context = m[2]!
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/^> ?/, ''))
    .join('\n');
  return { question: m[1]!, context };
}
