import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { firstLoadBudget } from './first-load-budget.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.VITE_API_TARGET ?? 'http://localhost:3000';

// The console is served by the api at `/` (apps/api/src/web-console); `vite` alone proxies the api for development.
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), firstLoadBudget(300)],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Maps for error reports, not referenced from the served files.
    sourcemap: 'hidden',
    target: 'es2022',
    // The sign-in page and the shell must stay small (under 300 KB compressed, CSS included); screens are lazy chunks.
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Libraries every page needs change less often than the console: a separate, long-cached chunk.
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack|i18next|react-i18next|openapi-fetch)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/health': { target: api, changeOrigin: false },
    },
  },
});
