import { memo, useRef } from 'react';
import { lexMarkdown } from './markdown-lexer';
import { MarkdownBlockStream, type MarkdownBlock } from './markdown-block-stream';
import { renderBlock } from './render-tokens';

// Final blocks keep their object identity from update to update, so only the growing tail renders again; a
// block's rendering depends on its source text alone, so a tail block whose text did not change is skipped too.
const BlockView = memo(
  function BlockView({ block }: { block: MarkdownBlock }) {
    return renderBlock(block.token, 0);
  },
  (a, b) => a.block === b.block || a.block.raw === b.block.raw,
);

/**
 * Markdown that streams in O(n): each update parses only the text after the last final block, and only the
 * blocks that changed render. Raw HTML in the text is shown as text, never run.
 */
export function MarkdownView({ text }: { text: string }) {
  const stream = useRef<MarkdownBlockStream | null>(null);
  stream.current ??= new MarkdownBlockStream();
  const blocks = stream.current.update(text);
  return (
    <div className="markdown">
      {blocks.map((b) => (
        <BlockView key={b.start} block={b} />
      ))}
    </div>
  );
}

/** The whole text parsed in one go and rendered without memoisation: what the streamed view must equal. */
export function MarkdownOnce({ text }: { text: string }) {
  return <div className="markdown">{lexMarkdown(text.replace(/\r\n?/g, '\n')).map(renderBlock)}</div>;
}
