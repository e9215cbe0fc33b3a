import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest, { isDemo, isFirefox } from './manifest.config.ts';

const outDir = isDemo ? 'dist/demo' : isFirefox ? 'dist/firefox' : 'dist/chrome';

export default defineConfig({
  plugins: [preact(), crx({ manifest, browser: isFirefox ? 'firefox' : 'chrome' })],
  define: { __RC_DEMO__: JSON.stringify(isDemo) },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rollupOptions: { input: { reports: 'src/reports/index.html' } },
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
