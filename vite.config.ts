import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const renderer = path.resolve(import.meta.dirname, 'renderer');

/**
 * The quick page's few kilobytes of CSS go inline: the page's own question box takes the focus at the first
 * paint, and linked stylesheets hold that paint back for their requests (bench quick-ready). The CSP allows
 * inline styles ('unsafe-inline' in style-src), not inline scripts.
 */
function inlineQuickStyles(): Plugin {
  return {
    name: 'parley:inline-quick-styles',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle || path.basename(ctx.filename) !== 'quick.html') return html;
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
  plugins: [react(), inlineQuickStyles()],
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
