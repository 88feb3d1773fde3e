import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const renderer = path.resolve(import.meta.dirname, 'renderer');

/**
 * Both pages' first stylesheets go inline (a few kilobytes for the quick page, about 23 KB for the main
 * window): linked stylesheets hold the first paint back for their requests, and that paint is the quick
 * page's question box taking the focus and the main window's app shell (bench quick-ready, cold-start).
 * The CSP allows inline styles ('unsafe-inline' in style-src), not inline scripts. Styles loaded later
 * with their chunks (math, highlighting) stay linked.
 */
function inlineFirstStyles(): Plugin {
  return {
    name: 'parley:inline-first-styles',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        return html.replace(/<link rel="stylesheet"[^>]*href="\.\/(assets\/[^"]+\.css)"[^>]*>/g, (tag, file: string) => {
          const css = bundle[file];
          if (css?.type !== 'asset') return tag;
          return `<style>${typeof css.source === 'string' ? css.source : new TextDecoder().decode(css.source)}</style>`;
        });
      },
    },
  };
}

// The renderer only. The Electron main and preload bundles are built by electron/tools.
export default defineConfig({
  root: 'renderer',
  // Relative asset URLs, so the same build loads from file:// in Electron and from the browser host.
  base: './',
  plugins: [react(), inlineFirstStyles()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    rollupOptions: {
      // Two pages: the main window, and the quick-ask window, which must load small and fast (issue 4).
      input: { index: path.join(renderer, 'index.html'), quick: path.join(renderer, 'quick.html') },
    },
  },
});
