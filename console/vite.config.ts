// The staff console: built into dist/console (served by the gateway at /console/, see src/http/console.ts).
// `npx vite console` serves it with hot reload and passes the API through to a gateway on :3000.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    // React and antd make one file of about 1.3 MB (400 KB gzipped), cached for a year under its hash.
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
