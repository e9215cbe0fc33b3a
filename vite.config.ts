import { build, defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest, { isDemo, isFirefox } from './manifest.config.ts';
import { STANDALONE_CONTENT_SCRIPT } from './src/shared/site-hosts.ts';

// Exactly the core modules content scripts import: the clocks, policy matching and the hours WINDOW — not the
// hours engine, which the background and pages load in their own chunks.
const CONTENT_CORE = /\/src\/(core\/(clock-core\.ts|policy\.ts|types\.ts|config\/constants\.ts|hours\/(window|timeline)\.ts)|shared\/(wire|limits)\.ts)$/;

/**
 * Custom helpdesk domains get their own content script: one self-contained file with no imports. The manifest's
 * content script is a loader that imports its modules from the extension, which a page may only do for
 * web-accessible files; making them web-accessible on every https site would let any site detect Replyclock.
 * A script registered with scripting.registerContentScripts needs no such access.
 */

function standaloneContentScript(define: Record<string, string>): Plugin {
  let dir = '';
  return {
    name: 'replyclock-standalone-content-script',
    apply: 'build',
    configResolved(config) {
      dir = config.build.outDir;
    },
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        define,
        build: {
          outDir: dir,
          emptyOutDir: false,
          target: 'es2022',
          minify: true,
          lib: { entry: 'src/content/standalone.ts', formats: ['iife'], name: 'replyclockContent', fileName: () => STANDALONE_CONTENT_SCRIPT },
          rollupOptions: { output: { inlineDynamicImports: true } },
        },
      });
    },
  };
}

/**
 * Vite still wraps every dynamic import in its preload helper (~0.6 KB gzipped) although `modulePreload: false`
 * leaves every dependency list empty and the content script imports no CSS: in the content entry the helper
 * could only ever call the loader. Swap its body for exactly that (content-script size budget). The e2e tests
 * load adapters and the badge menu through it; a Vite change that moves the helper only warns here.
 */
function contentPreloadHelper(): Plugin {
  const HELPER = /\/\/ \\0vite\/preload-helper\.js\n[\s\S]*?\n(?=\/\/ )/;
  return {
    name: 'replyclock:content-preload-helper',
    apply: 'build',
    renderChunk(code, chunk) {
      if (!chunk.facadeModuleId?.endsWith('/src/content/index.ts')) return null;
      if (!HELPER.test(code) || !code.includes('var __vitePreload = ')) {
        this.warn('content entry: Vite preload helper not found, left as is');
        return null;
      }
      return { code: code.replace(HELPER, 'var __vitePreload = (load) => load();\n\n'), map: null };
    },
  };
}

const outDir = isDemo ? 'dist/demo' : isFirefox ? 'dist/firefox' : 'dist/chrome';

export default defineConfig({
  plugins: [
    preact(),
    crx({ manifest, browser: isFirefox ? 'firefox' : 'chrome' }),
    standaloneContentScript({ __RC_DEMO__: JSON.stringify(isDemo) }),
    contentPreloadHelper(),
  ],
  define: { __RC_DEMO__: JSON.stringify(isDemo) },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Extension pages get <link rel=modulepreload> for their whole import graph, so the popup's chunks load in
    // parallel rather than one import level after another (popup first paint). No polyfill (every browser we ship
    // to has modulepreload) and no preload lists for dynamic imports: the content script's lazy adapters load one
    // chunk each, and contentPreloadHelper() below strips the helper from the content entry.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
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
