import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const renderer = path.resolve(import.meta.dirname, 'renderer');

// The renderer only. The Electron main and preload bundles are built by electron/tools.
export default defineConfig({
  root: 'renderer',
  // Relative asset URLs, so the same build loads from file:// in Electron and from the browser host.
  base: './',
  plugins: [react()],
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
