import type { Locator } from 'playwright-core';

/** The rendered markdown of one answer: its code blocks, links and the DOM the user sees. */
export class MarkdownAnswer {
  readonly body: Locator;

  constructor(readonly answer: Locator) {
    this.body = answer.locator('.markdown');
  }

  copyButtons(): Locator {
    return this.answer.getByRole('button', { name: 'Copy code' });
  }

  codeBlocks(): Locator {
    return this.body.locator('pre > code');
  }

  highlightedCodeBlocks(): Locator {
    return this.body.locator('pre > code.hljs');
  }

  links(): Locator {
    return this.body.getByRole('link');
  }

  /**
   * The answer's DOM as HTML with every element's attributes in name order: the order in which React happened to
   * set them (a link's title arriving after its href while streaming) is not part of what the user sees.
   */
  html(): Promise<string> {
    return this.body.evaluate((root) => {
      const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      const out = (node: Node): string => {
        if (node.nodeType === 3) return esc(node.textContent ?? '');
        if (node.nodeType !== 1) return '';
        const el = node as Element;
        const tag = el.tagName.toLowerCase();
        const attrs = Array.from(el.attributes)
          .map((a) => ` ${a.name}="${esc(a.value)}"`)
          .sort()
          .join('');
        return `<${tag}${attrs}>${Array.from(el.childNodes).map(out).join('')}</${tag}>`;
      };
      return Array.from(root.childNodes).map(out).join('');
    });
  }

  /**
   * The answer's elements and text as a list of lines (tag, class, link attributes; text), for comparing with
   * markup rendered elsewhere: attribute spelling that serialisation changes (inline styles, `checked`) is left out.
   */
  shape(): Promise<string[]> {
    return this.body.evaluate(shapeOf);
  }

  /** The same shape for markup parsed in the page, e.g. a static render made in Node. */
  shapeOfMarkup(markup: string): Promise<string[]> {
    return this.body.page().evaluate(
      ({ html, fn }) => {
        const tpl = document.createElement('template');
        tpl.innerHTML = html;
        const shape = new Function(`return (${fn})`)() as (root: Element) => string[];
        return shape(tpl.content.firstElementChild!);
      },
      { html: markup, fn: shapeOf.toString() },
    );
  }
}

function shapeOf(root: Element): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        if (child.textContent) out.push(`"${child.textContent}"`);
      } else if (child.nodeType === 1) {
        const el = child as Element;
        const attrs = ['class', 'href', 'target', 'rel', 'start', 'aria-label', 'aria-hidden'].map((a) => (el.hasAttribute(a) ? ` ${a}=${el.getAttribute(a)}` : '')).join('');
        out.push(`<${el.tagName.toLowerCase()}${attrs}>`);
        walk(el);
        out.push(`</${el.tagName.toLowerCase()}>`);
      }
    }
  };
  walk(root);
  return out;
}
