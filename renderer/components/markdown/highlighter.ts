import { createElement, type ReactNode } from 'react';
import type { ElementContent } from 'hast';
import { boundedCache, lazyModule } from './lazy-module';

// lowlight gives highlight.js's result as a tree, so it becomes React elements: no HTML string is injected.
export const highlighter = lazyModule(async () => {
  const { createLowlight, common } = await import('lowlight');
  return createLowlight(common);
});

export type Highlighter = NonNullable<ReturnType<typeof highlighter.current>>;

function toReact(nodes: ElementContent[]): ReactNode[] {
  return nodes.map((n, i) => {
    if (n.type === 'text') return n.value;
    if (n.type !== 'element') return null;
    const className = n.properties.className;
    return createElement(n.tagName, { key: i, className: Array.isArray(className) ? className.join(' ') : undefined }, ...toReact(n.children));
  });
}

// Keyed by language and code: a closed block that is still the streaming tail re-renders on every update,
// and when it becomes a final block it renders once more; it is highlighted only the first time.
const cache = boundedCache<ReactNode[] | null>(256);

/** Highlighted code, or null when the language is not one the highlighter knows (no guessing: it is slow and often wrong). */
export function highlightCode(lowlight: Highlighter, lang: string, code: string): ReactNode[] | null {
  return cache.get(`${lang}\u0000${code}`, () => (lowlight.registered(lang) ? toReact(lowlight.highlight(lang, code).children as ElementContent[]) : null));
}
