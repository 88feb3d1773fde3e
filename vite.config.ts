import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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
  },
});
