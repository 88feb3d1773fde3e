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
