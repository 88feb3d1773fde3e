import { memo, type ReactNode } from 'react';
import type { Token, Tokens } from 'marked';
import { CodeBlock, isFenceClosed } from './code-block';
import { decodeEntities } from './decode-entities';
import type { MathToken } from './math-syntax';
import { MathView } from './math-view';

/**
 * Marked's tokens as React elements. Nothing is injected as HTML: raw HTML in an answer is shown as the text it
 * is (a `<br>` excepted, which models put in table cells), and only http(s) and mailto links get an href.
 */

export function safeHref(href: string): string | null {
  const url = decodeEntities(href.trim());
  return /^(https?:\/\/|mailto:)/i.test(url) ? url : null;
}

function renderLink(href: string, children: ReactNode, key: number, title?: string | null): ReactNode {
  const safe = safeHref(href);
  if (safe === null) return <span key={key}>{children}</span>;
  // Links open outside Parley: Electron's window-open handler gives https links to the system browser.
  return (
    <a key={key} href={safe} title={title ?? undefined} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

export function renderInline(tokens: Token[] | undefined): ReactNode[] {
  if (!tokens) return [];
  return tokens.map((t, i) => {
    switch (t.type) {
      case 'text':
        return t.tokens ? renderInline(t.tokens) : decodeEntities(t.text as string);
      case 'escape':
        return t.text as string;
      case 'strong':
        return <strong key={i}>{renderInline(t.tokens)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(t.tokens)}</em>;
      case 'del':
        return <del key={i}>{renderInline(t.tokens)}</del>;
      case 'codespan':
        return <code key={i}>{t.text as string}</code>;
      case 'br':
        return <br key={i} />;
      case 'link':
        return renderLink(t.href as string, renderInline(t.tokens), i, t.title as string | null);
      case 'image':
        // Remote images are blocked by the CSP (and would tell a server the answer was read): link to them instead.
        return renderLink(t.href as string, (t.text as string) || (t.href as string), i, t.title as string | null);
      case 'html':
        return /^<br\s*\/?>$/i.test(t.raw) ? <br key={i} /> : t.raw;
      case 'checkbox':
        return renderCheckbox(t as Tokens.Checkbox, i);
      case 'inlineMath': {
        const m = t as MathToken;
        return <MathView key={i} tex={m.text} display={m.display} closed={m.closed} />;
      }
      default:
        return t.raw;
    }
  });
}

function renderCheckbox(t: Tokens.Checkbox, key: number): ReactNode {
  return <input key={key} type="checkbox" checked={t.checked} disabled aria-label={t.checked ? 'Done' : 'Not done'} />;
}

// A list still being written is one block that grows item by item: its finished items are not rendered again.
const ListItemView = memo(
  function ListItemView({ item }: { item: Tokens.ListItem }) {
    return <li className={item.task ? 'task-list-item' : undefined}>{renderBlocks(item.tokens)}</li>;
  },
  (a, b) => a.item.raw === b.item.raw && a.item.loose === b.item.loose,
);

function renderListItem(item: Tokens.ListItem, key: number): ReactNode {
  return <ListItemView key={key} item={item} />;
}

function renderTable(t: Tokens.Table, key: number): ReactNode {
  const align = (a: Tokens.TableCell['align']) => (a ? { textAlign: a } : undefined);
  return (
    <div key={key} className="table-scroll">
      <table>
        <thead>
          <tr>
            {t.header.map((c, i) => (
              <th key={i} style={align(c.align)}>
                {renderInline(c.tokens)}
              </th>
            ))}
          </tr>
        </thead>
        {t.rows.length > 0 && (
          <tbody>
            {t.rows.map((row, r) => (
              <tr key={r}>
                {row.map((c, i) => (
                  <td key={i} style={align(c.align)}>
                    {renderInline(c.tokens)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}

export function renderBlock(t: Token, key: number): ReactNode {
  switch (t.type) {
    case 'space':
    case 'def':
      return null;
    case 'paragraph':
      return <p key={key}>{renderInline(t.tokens)}</p>;
    case 'text':
      // The text of a tight list item: inline content with no paragraph around it.
      return t.tokens ? renderInline(t.tokens) : decodeEntities(t.text as string);
    case 'heading': {
      const Tag = `h${Math.min(6, Math.max(1, t.depth as number))}` as 'h1';
      return <Tag key={key}>{renderInline(t.tokens)}</Tag>;
    }
    case 'code':
      return <CodeBlock key={key} code={t.text as string} lang={((t.lang as string | undefined) ?? '').trim().split(/\s/)[0] ?? ''} closed={isFenceClosed(t.raw)} />;
    case 'blockquote':
      return <blockquote key={key}>{renderBlocks(t.tokens)}</blockquote>;
    case 'list': {
      const items = (t as Tokens.List).items.map(renderListItem);
      if (!t.ordered) return <ul key={key}>{items}</ul>;
      const start = Number(t.start);
      return (
        <ol key={key} start={Number.isFinite(start) && start !== 1 ? start : undefined}>
          {items}
        </ol>
      );
    }
    case 'table':
      return renderTable(t as Tokens.Table, key);
    case 'hr':
      return <hr key={key} />;
    case 'html':
      return (
        <p key={key} className="raw-html">
          {t.raw.trimEnd()}
        </p>
      );
    case 'checkbox':
      return renderCheckbox(t as Tokens.Checkbox, key);
    case 'blockMath': {
      const m = t as MathToken;
      return <MathView key={key} tex={m.text} display closed={m.closed} />;
    }
    default:
      return <p key={key}>{t.raw}</p>;
  }
}

export function renderBlocks(tokens: Token[] | undefined): ReactNode[] {
  return tokens ? tokens.map(renderBlock) : [];
}
