import { useEffect, useSyncExternalStore } from 'react';

/**
 * A module loaded on first use (a dynamic import), so KaTeX and the highlighter stay out of the first bundle.
 * Components read it synchronously: null until it has loaded, then they re-render with it.
 */
export interface LazyModule<T> {
  current(): T | null;
  load(): Promise<T>;
  subscribe(listener: () => void): () => void;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let value: T | null = null;
  let pending: Promise<T> | null = null;
  const listeners = new Set<() => void>();
  return {
    current: () => value,
    load() {
      pending ??= importer().then(
        (v) => {
          value = v;
          for (const l of listeners) l();
          return v;
        },
        (err: unknown) => {
          // A failed chunk load leaves the text plain; the next block that needs it tries again.
          pending = null;
          throw err;
        },
      );
      return pending;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The module if loaded; asks for it when `wanted` and re-renders once it arrives. */
export function useLazyModule<T>(m: LazyModule<T>, wanted: boolean): T | null {
  const value = useSyncExternalStore(m.subscribe, m.current, m.current);
  useEffect(() => {
    if (wanted && value === null) m.load().catch((err: unknown) => console.warn('Parley: could not load a markdown module', err));
  }, [m, wanted, value]);
  return value;
}
