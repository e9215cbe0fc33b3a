import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest, { isDemo, isFirefox } from './manifest.config.ts';

const CONTENT_CORE = /\/src\/core\/(hours\/|clock\.ts|policy\.ts|tz\.ts|types\.ts|config\/defaults\.ts)/;

const outDir = isDemo ? 'dist/demo' : isFirefox ? 'dist/firefox' : 'dist/chrome';

export default defineConfig({
  plugins: [preact(), crx({ manifest, browser: isFirefox ? 'firefox' : 'chrome' })],
  define: { __RC_DEMO__: JSON.stringify(isDemo) },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // No modulepreload helper: extension modules load from the extension's own origin, and in the content
    // script the helper was dead weight on every page (content-script size budget).
    modulePreload: false,
    rollupOptions: {
      input: { reports: 'src/reports/index.html' },
      output: {
        // The core modules every content script needs (opening hours, clocks, policy matching) as ONE chunk:
        // each extra file costs its own gzip overhead on every page (content-script size budget).
        manualChunks: (id) => (CONTENT_CORE.test(id) ? 'content-core' : undefined),
      },
    },
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
