import { memo, type ComponentProps } from 'react';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { splitMarkdownBlocks } from './markdown-blocks';

// Links open outside Parley: Electron hands https links to the system browser.
const components = {
  a: (props: ComponentProps<'a'>) => <a {...props} target="_blank" rel="noreferrer noopener" />,
};

const MarkdownBlock = memo(function MarkdownBlock({ source }: { source: string }) {
  return (
    <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
      {source}
    </ReactMarkdown>
  );
});

/** Raw HTML in the text is shown as text, never run: react-markdown does not render it. */
export function Markdown({ text }: { text: string }) {
  const blocks = splitMarkdownBlocks(text);
  return (
    <div className="markdown">
      {blocks.map((b, i) => (
        <MarkdownBlock key={i} source={b} />
      ))}
    </div>
  );
}
