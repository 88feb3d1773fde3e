import { lazy, Suspense } from 'react';

// The markdown view (marked, and through it KaTeX and the highlighter on demand) is fetched when the first
// answer starts to arrive, not with the window: the quick window must be ready to type into at once.
const Markdown = lazy(() => import('../components/markdown/markdown').then((m) => ({ default: m.Markdown })));

/** An answer in the main window's markdown components; its plain text for the moment they take to load. */
export function AnswerMarkdown({ text }: { text: string }) {
  return (
    <Suspense fallback={<p className="quick-plain">{text}</p>}>
      <Markdown text={text} />
    </Suspense>
  );
}
