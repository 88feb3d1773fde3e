import { lazy, Suspense } from 'react';
import { loadMarkdown } from './markdown-loader';

// Not part of either window's first script: the quick window must take typing at once, and the main
// window paint its list first (bench quick-ready, cold-start).
const Markdown = lazy(() => loadMarkdown().then((m) => ({ default: m.Markdown })));

/** Markdown text, shown as plain text for the moment the markdown view takes to load. */
export function LazyMarkdown({ text }: { text: string }) {
  return (
    <Suspense fallback={<p className="plain-markdown">{text}</p>}>
      <Markdown text={text} />
    </Suspense>
  );
}
