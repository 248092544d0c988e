import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

// `electron-vite dev` only: Vite's dev server injects CSS as <style> elements, React Refresh
// adds an inline preamble and hot reload talks over a WebSocket. The built app keeps the
// strict policy written in renderer/index.html.
const devServerPolicy: Plugin = {
  name: 'ras-connect-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws://localhost:*"),
};

export default defineConfig({
  main: {
    // Dependencies stay external (koffi is native; electron-builder unpacks it from the asar).
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/electron/index.ts'),
          cli: resolve(__dirname, 'main/cli.ts'),
          headless: resolve(__dirname, 'main/headless.ts'),
          'sim-service': resolve(__dirname, 'main/sim-service.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot load ES modules: one CommonJS file.
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), devServerPolicy],
    build: {
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
