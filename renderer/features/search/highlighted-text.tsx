import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../shared/search-markers';

const MARKERS = new RegExp(`([${HIGHLIGHT_START}${HIGHLIGHT_END}])`);

/**
 * Text from main with its matches between marker characters, shown with the
 * matches in <mark>. Every piece is a React text child, so a snippet of a
 * message that holds HTML shows that HTML as text.
 */
export function HighlightedText({ text }: { text: string }) {
  const pieces: React.ReactNode[] = [];
  let marked = false;
  text.split(MARKERS).forEach((piece, i) => {
    if (piece === HIGHLIGHT_START) marked = true;
    else if (piece === HIGHLIGHT_END) marked = false;
    else if (piece !== '') pieces.push(marked ? <mark key={i}>{piece}</mark> : piece);
  });
  return <>{pieces}</>;
}

/** The same text without its markers, for accessible names and titles. */
export function plainText(text: string): string {
  return text.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_END, '');
}
