import { createElement, useSyncExternalStore, type ReactNode } from 'react';
import type { ElementContent } from 'hast';
import { inThreadEngine, workerEngine, type HighlightEngine } from './highlight-engine';

// lowlight gives highlight.js's result as a tree, so it becomes React elements: no HTML string is injected.
function toReact(nodes: ElementContent[]): ReactNode[] {
  return nodes.map((n, i) => {
    if (n.type === 'text') return n.value;
    if (n.type !== 'element') return null;
    const className = n.properties.className;
    return createElement(n.tagName, { key: i, className: Array.isArray(className) ? className.join(' ') : undefined }, ...toReact(n.children));
  });
}

let engine: HighlightEngine | null = null;
const LIMIT = 256;
// Keyed by language and code: a closed block that is still the streaming tail re-renders on every update, and
// once final it renders again; it is highlighted only once. `null`: a language the highlighter does not know.
const results = new Map<string, ReactNode[] | null>();
const pending = new Set<string>();
const listeners = new Set<() => void>();

/** Chooses where highlighting runs (the benchmark queues it); by default a worker where there is one. */
export function setHighlightEngine(e: HighlightEngine | null): void {
  engine = e;
}

export function clearHighlightCache(): void {
  results.clear();
  pending.clear();
}

function request(key: string, lang: string, code: string): void {
  if (results.has(key) || pending.has(key)) return;
  pending.add(key);
  engine ??= typeof Worker !== 'undefined' && typeof window !== 'undefined' ? workerEngine() : inThreadEngine;
  engine.request(lang, code, (tree) => {
    if (!pending.delete(key)) return; // cleared meanwhile
    if (results.size >= LIMIT) results.delete(results.keys().next().value!);
    results.set(key, tree && toReact(tree));
    for (const l of listeners) l();
  });
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/**
 * The highlighted code once it is ready, else null (plain text meanwhile). Asks for it once; only the code block
 * whose result arrived renders again. No guessing when the language is unknown: it is slow and often wrong.
 */
export function useHighlighted(lang: string, code: string, enabled: boolean): ReactNode[] | null {
  const key = enabled ? `${lang}\u0000${code}` : null;
  const snapshot = () => (key === null ? null : results.get(key));
  const value = useSyncExternalStore(subscribe, snapshot, snapshot);
  if (key === null || value !== undefined) return value ?? null;
  request(key, lang, code);
  // The in-thread engine (tests, static renders) answers at once.
  return results.get(key) ?? null;
}
