/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The Django/Daphne server that `make run` starts.
const backend = process.env.NINGJU_BACKEND_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  // Django serves dist/index.html at `/` (and every client-side route) and dist/assets/* at /assets/.
  base: '/',
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    // Keep the browser's Host header (no changeOrigin) so Django's CSRF origin check sees
    // the same host the page was loaded from.
    proxy: {
      '/api': { target: backend },
      '/ws': { target: backend, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    sourcemap: false,
    // The largest chunk is ECharts (~560 KB before gzip, loaded only by chart pages); a bigger
    // one means something heavy was bundled together again.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // antd is deliberately not forced into one chunk: its ES modules then follow the
          // pages that use them (Table, Form, Upload… load with their pages, not the first one).
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup.ts'],
    css: false,
    restoreMocks: true,
    unstubGlobals: true,
    // Page tests render Ant Design trees in jsdom; on a busy 2-core machine 5 s is too tight.
    testTimeout: 20_000,
  },
});
