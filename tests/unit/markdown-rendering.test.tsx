import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { isLowlightLoaded, loadLowlight } from '../../renderer/components/markdown/highlight-engine';
import { MarkdownOnce, MarkdownView } from '../../renderer/components/markdown/markdown-view';
import { mathRenderer } from '../../renderer/components/markdown/math-renderer';

const html = (text: string) => renderToStaticMarkup(<MarkdownOnce text={text} />);

describe('markdown rendering', () => {
  it('loads neither the highlighter nor KaTeX until a block needs them, rendering plain meanwhile', () => {
    expect(isLowlightLoaded()).toBe(false);
    expect(mathRenderer.current()).toBeNull();
    const out = html('```ts\nconst a = 1;\n```\n\n$$x^2$$\n');
    expect(out).toContain('<code class="language-ts">const a = 1;</code>');
    expect(out).toContain('<pre class="math-source">x^2</pre>');
  });

  it('highlights a code block once its fence closes and keeps it plain while open', async () => {
    await loadLowlight();
    expect(html('```ts\nconst a = 1;\n')).toContain('<code class="language-ts">const a = 1;</code>');
    const closed = html('```ts\nconst a = 1;\n```');
    expect(closed).toContain('<code class="hljs language-ts"><span class="hljs-keyword">const</span>');
    // No guessing when the fence names no language, or one the highlighter does not know.
    expect(html('```\nconst a = 1;\n```')).toContain('<code>const a = 1;</code>');
    expect(html('```nosuchlang\nx\n```')).toContain('<code class="language-nosuchlang">x</code>');
  });

  it('gives every code block a "Copy code" button', () => {
    const out = html('```js\na\n```\n\n    indented\n\n~~~\nb\n~~~\n');
    expect(out.match(/<button type="button" class="code-copy" aria-label="Copy code">Copy<\/button>/g)).toHaveLength(3);
  });

  it('typesets math with KaTeX and leaves dollar amounts as text', async () => {
    await mathRenderer.load();
    const out = html('Euler: $e^{i\\pi}+1=0$, costs $5 and $10.\n\n$$\n\\frac{a}{b}\n$$\n');
    expect(out).toContain('<span class="math-inline"><span class="katex">');
    expect(out).toContain('<div class="math-display"><span class="katex-display">');
    expect(out).toContain('costs $5 and $10.');
  });

  it('typesets the \\( \\) and \\[ \\] delimiters models often use', async () => {
    await mathRenderer.load();
    const out = html('Inline \\(a^2\\) and display \\[b^2\\] here.\n\n\\[\nc^2\n\\]\n');
    expect(out.match(/<span class="math-inline"><span class="katex">/g)).toHaveLength(1);
    expect(out.match(/<span class="katex-display">/g)).toHaveLength(2);
  });

  it('decodes entity references in text but not in code', () => {
    const out = html('Fish &amp; chips &copy; &#8594; &#x2713; &unknown; `&amp;`\n');
    expect(out).toContain('Fish &amp; chips © → ✓ &amp;unknown; <code>&amp;amp;</code>');
  });

  it('shows a display formula that is still being written as its source', async () => {
    await mathRenderer.load();
    expect(html('$$\n\\frac{a}{')).toContain('<pre class="math-source">\\frac{a}{</pre>');
  });

  it('keeps KaTeX from making links or running anything', async () => {
    await mathRenderer.load();
    const out = html('$\\href{javascript:alert(1)}{x}$ and $\\url{https://example.com}$');
    expect(out).not.toMatch(/<a[\s>]/);
    expect(out).not.toContain('href=');
  });

  it('renders GFM tables, task lists, strikethrough and autolinks', () => {
    const out = html('| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~gone~~ see www.example.com\n');
    expect(out).toContain('<th style="text-align:left">a</th><th style="text-align:right">b</th>');
    expect(out).toContain('<td style="text-align:left">1</td>');
    expect(out).toContain('<input type="checkbox" disabled="" aria-label="Done" checked=""/>done');
    expect(out).toContain('<input type="checkbox" disabled="" aria-label="Not done"/>todo');
    expect(out).toContain('<del>gone</del>');
    expect(out).toContain('<a href="http://www.example.com" target="_blank" rel="noopener noreferrer">www.example.com</a>');
  });

  it('opens links in a new window without giving it the opener', () => {
    expect(html('[docs](https://example.com/a)')).toContain('<a href="https://example.com/a" target="_blank" rel="noopener noreferrer">docs</a>');
  });

  it('never makes a link of javascript:, data: or file: URLs', () => {
    const out = html('[a](javascript:alert(1)) [b](data:text/html,x) [c](file:///etc/passwd) <javascript:alert(2)>');
    expect(out).not.toMatch(/href="(?!https?:)/);
    expect(out).toContain('<span>a</span>');
  });

  it('shows raw HTML as text so that nothing in an answer can run', () => {
    const out = html('<script>alert(1)</script>\n\nInline <img src=x onerror="alert(2)"> and <b>bold</b>, a line<br>break.\n');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(out).not.toMatch(/<(script|img|b)\b/);
    expect(out).toContain('a line<br/>break');
  });

  it('renders the streaming view exactly as the one-shot view', async () => {
    await Promise.all([loadLowlight(), mathRenderer.load()]);
    const text = '# T\n\nSome $x$ text.\n\n```py\nprint(1)\n```\n\n| a |\n|---|\n| 1 |\n';
    expect(renderToStaticMarkup(<MarkdownView text={text} />)).toBe(html(text));
  });
});
