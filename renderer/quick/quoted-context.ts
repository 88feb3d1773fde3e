/**
 * The question as it is sent when "Use clipboard text" is on: the clipboard
 * text first, as a markdown quote, then the question. A quote keeps the two
 * apart for the model and reads the same in the main window's history.
 */
export function withQuotedContext(question: string, context: string | null): string {
  const quote = quoteLines(context ?? '');
  return quote ? `${quote}\n\n${question}` : question;
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

/** A sent question taken apart again for display: the quoted context it began with, and the question. */
export function splitQuotedContext(content: string): { context: string | null; question: string } {
  const m = /^((?:>(?: .*)?\n)+)\n([\s\S]*)$/.exec(content);
  if (!m) return { context: null, question: content };
  const context = m[1]!
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/^> ?/, ''))
    .join('\n');
  return { context, question: m[2]! };
}
