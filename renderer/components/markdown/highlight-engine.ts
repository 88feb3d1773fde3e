import type { ElementContent } from 'hast';

/** Where highlighting runs: a worker in the app, the calling thread in tests, a queue the benchmark drains. */
export interface HighlightEngine {
  /** Calls `done` with the highlighted tree, or null for a language the highlighter does not know. May call it at once. */
  request(lang: string, code: string, done: (tree: ElementContent[] | null) => void): void;
}

type Lowlight = ReturnType<typeof import('lowlight').createLowlight>;
let lowlight: Lowlight | null = null;
let loading: Promise<Lowlight> | null = null;

/** Loads lowlight into this thread (a dynamic import, so it is not in the first bundle). */
export function loadLowlight(): Promise<Lowlight> {
  loading ??= import('lowlight').then(({ common, createLowlight }) => (lowlight = createLowlight(common)));
  return loading;
}

export const isLowlightLoaded = (): boolean => lowlight !== null;

export function highlightNow(l: Lowlight, lang: string, code: string): ElementContent[] | null {
  return l.registered(lang) ? (l.highlight(lang, code).children as ElementContent[]) : null;
}

/** Highlights on the calling thread: synchronously once lowlight has loaded. */
export const inThreadEngine: HighlightEngine = {
  request(lang, code, done) {
    if (lowlight) return done(highlightNow(lowlight, lang, code));
    loadLowlight().then(
      (l) => done(highlightNow(l, lang, code)),
      () => done(null),
    );
  },
};

/** Highlights in a web worker; if the worker cannot start, falls back to this thread. */
export function workerEngine(): HighlightEngine {
  let worker: Worker | null = null;
  let failed = false;
  let nextId = 0;
  const waiting = new Map<number, { lang: string; code: string; done: (tree: ElementContent[] | null) => void }>();
  const fallBack = () => {
    failed = true;
    worker?.terminate();
    worker = null;
    for (const { lang, code, done } of waiting.values()) inThreadEngine.request(lang, code, done);
    waiting.clear();
  };
  return {
    request(lang, code, done) {
      if (failed) return inThreadEngine.request(lang, code, done);
      if (!worker) {
        try {
          worker = new Worker(new URL('./highlight-worker.ts', import.meta.url), { type: 'module', name: 'highlight' });
        } catch {
          fallBack();
          return inThreadEngine.request(lang, code, done);
        }
        worker.onmessage = (e: MessageEvent<{ id: number; tree: ElementContent[] | null }>) => {
          const job = waiting.get(e.data.id);
          waiting.delete(e.data.id);
          job?.done(e.data.tree);
        };
        worker.onerror = fallBack;
      }
      const id = nextId++;
      waiting.set(id, { lang, code, done });
      worker.postMessage({ id, lang, code });
    },
  };
}
