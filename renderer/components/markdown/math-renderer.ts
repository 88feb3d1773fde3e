import { boundedCache } from './bounded-cache';
import { lazyModule } from './lazy-module';

async function loadMath() {
  const [{ default: katex }, { default: DOMPurify }] = await Promise.all([import('katex'), import('dompurify')]);
  if (typeof document !== 'undefined') await import('./katex-styles');
  const cache = boundedCache<string>(512);
  return {
    /** KaTeX's HTML for a formula. Bad TeX renders as KaTeX's error text rather than throwing. */
    toHtml(tex: string, display: boolean): string {
      return cache.get(`${display ? 'D' : 'I'}${tex}`, () => {
        // trust: false keeps \href, \url, \htmlData and friends off; the limits stop a formula from hanging the window.
        const html = katex.renderToString(tex, { displayMode: display, throwOnError: false, trust: false, strict: 'ignore', maxExpand: 500, maxSize: 40 });
        // KaTeX escapes what it is given; the sanitizer is the second lock on the door (it needs a DOM, which
        // the renderer always has; Node-side static renders in tests and benches skip it).
        // KaTeX's MathML keeps the TeX in <semantics><annotation>, which screen readers and copy use.
        return DOMPurify.isSupported ? DOMPurify.sanitize(html, { ADD_TAGS: ['semantics', 'annotation'], ADD_ATTR: ['encoding'] }) : html;
      });
    },
    /** Forgets every typeset formula, so a benchmark can repeat a run doing the same work. */
    clearCache: () => cache.clear(),
  };
}

export const mathRenderer = lazyModule(loadMath);
