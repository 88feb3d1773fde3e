/** The markdown view's chunk (marked, and through it KaTeX and the highlighter on demand), fetched once. */
export const loadMarkdown = () => import('./markdown/markdown');

/**
 * Fetches it ahead of need: when a conversation is opened or a message sent, its messages and this chunk
 * then load side by side, and the answer rarely shows as plain text first.
 */
export function preloadMarkdown(): void {
  void loadMarkdown().catch(() => {}); // a failed fetch is retried by the first answer that needs it
}
