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
let version = 0;

/** Chooses where highlighting runs (the benchmark queues it); by default a worker where there is one. */
export function setHighlightEngine(e: HighlightEngine | null): void {
  engine = e;
}

export function clearHighlightCache(): void {
  results.clear();
  pending.clear();
}

/**
 * The highlighted code if it is ready; otherwise asks for it (once) and returns undefined, and every subscribed
 * code block re-renders when it arrives. No guessing when the language is unknown: it is slow and often wrong.
 */
export function highlighted(lang: string, code: string): ReactNode[] | null | undefined {
  const key = `${lang}\u0000${code}`;
  if (results.has(key)) return results.get(key);
  if (!pending.has(key)) {
    pending.add(key);
    engine ??= typeof Worker !== 'undefined' && typeof window !== 'undefined' ? workerEngine() : inThreadEngine;
    engine.request(lang, code, (tree) => {
      if (!pending.delete(key)) return; // cleared meanwhile
      if (results.size >= LIMIT) results.delete(results.keys().next().value!);
      results.set(key, tree && toReact(tree));
      version++;
      for (const l of listeners) l();
    });
  }
  return results.get(key);
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const getVersion = () => version;

/** Re-renders the caller whenever a highlighted block arrives. */
export function useHighlightResults(): void {
  useSyncExternalStore(subscribe, getVersion, getVersion);
}
