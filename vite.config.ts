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

/**
 * The main window's early script (renderer/boot/shell-list.ts) is an entry of its own, loaded by an async
 * module script: it runs as soon as it and its few imports are in, without waiting for React and the app's
 * other modules to load and evaluate, as the page's main script does. Vite merges every module script
 * written in the HTML into that one entry, so the tag is added here, after the build has named the file.
 */
function earlyScript(entry: string, page: string): Plugin {
  return {
    name: 'parley:early-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || path.basename(ctx.filename) !== page) return html;
        const chunk = Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === entry);
        if (!chunk) throw new Error(`parley:early-script: no entry chunk named ${entry}`);
        // Before the page's own script, so it is asked for first.
        return html.replace('<script type="module"', `<script type="module" async crossorigin src="./${chunk.fileName}"></script>\n    <script type="module"`);
      },
    },
  };
}

// The renderer only. The Electron main and preload bundles are built by electron/tools.
export default defineConfig({
  root: 'renderer',
  // Relative asset URLs, so the same build loads from file:// in Electron and from the browser host.
  base: './',
  plugins: [react(), inlineFirstStyles(), earlyScript('shell-list', 'index.html')],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    rollupOptions: {
      // Two pages: the main window, and the quick-ask window, which must load small and fast (issue 4).
      input: {
        index: path.join(renderer, 'index.html'),
        quick: path.join(renderer, 'quick.html'),
        'shell-list': path.join(renderer, 'boot', 'shell-list.ts'),
      },
    },
  },
});
