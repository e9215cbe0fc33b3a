import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build, defineConfig, type InlineConfig, type Plugin, type Rolldown } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest, { contentMatches, isDemo, isFirefox } from './manifest.config.ts';
import { STANDALONE_CONTENT_SCRIPT } from './src/shared/site-hosts.ts';

type OutputChunk = Rolldown.OutputChunk;

// RC_MINIFY=0 builds readable scripts (content, background, pages), for profiles (`npm run profile:content`) whose function names mean something.
const minify = process.env.RC_MINIFY !== '0';
type OutputAsset = Rolldown.OutputAsset;

// The core modules the background and extension pages share that are small and always needed together (clocks,
// policy matching, the hours window), as one chunk. Content scripts no longer take part: contentScripts() below
// builds them on their own.
const CONTENT_CORE = /\/src\/(core\/(clock-core\.ts|policy\.ts|types\.ts|config\/constants\.ts|hours\/(window|timeline)\.ts)|shared\/(wire|limits)\.ts)$/;

/**
 * Custom helpdesk domains get their own content script: one self-contained file with no imports. The manifest's
 * content script imports its site adapter from the extension, which a page may only do for web-accessible files;
 * making them web-accessible on every https site would let any site detect Replyclock.
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
          minify,
          lib: { entry: 'src/content/standalone.ts', formats: ['iife'], name: 'replyclockContent', fileName: () => STANDALONE_CONTENT_SCRIPT },
          rollupOptions: { output: { inlineDynamicImports: true } },
        },
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Content scripts (content-script size budget, `node scripts/content-size.mjs`). They are built apart from the
// extension's pages and background, so nothing they load is a chunk shared with code that never runs in a page: every
// file is tree-shaken for the content script alone, and each separately gzipped file a page fetches costs its own
// header and dictionary warm-up. A page loads exactly two files:
//   content/runtime.js  the manifest's content script: the whole runtime and the site registry, one classic script
//                       (no crxjs loader, no module graph to walk);
//   content/<site>.js   the adapter whose URL test matched, one self-contained ES module that the runtime imports
//                       from the extension (web-accessible on the built-in hosts only). Code two adapters share is
//                       copied into each rather than split into a third file (adapters keep no state in common).
// The badge menu (content/badge-menu.js) loads the same way, the first time an agent opens one. Dynamic imports in
// registry.ts / badge.ts stay plain `import('./sites/x.ts')` in the source (unit tests load adapters that way);
// this build rewrites exactly those to the built file's extension URL, and fails when it meets one it cannot map.
// ---------------------------------------------------------------------------------------------------------------

const CONTENT_DIR = 'content';
const CONTENT_RUNTIME = `${CONTENT_DIR}/runtime.js`;
/** Written beside Vite's own manifest (only when `build.manifest` is on): what each site's page loads. */
const CONTENT_FILES = '.vite/content-scripts.json';

const LAZY_HOSTS = /\/src\/content\/(?:registry|badge)\.ts$/;
const LAZY_IMPORT = /\bimport\('\.\/((?:sites\/)?([\w-]+))\.ts'\)/g;

interface LazyModule {
  /** Built file name under content/: the module's base name ("x", "facebook", "badge-menu"). */
  name: string;
  /** Absolute source path. */
  source: string;
  /** The one export the importer reads. */
  exportName: string;
}

/** The export an importer reads from `import('./x.ts')`: `.then((m) => m.name)` after it or `{ name } = await` before it. */
function lazyExport(code: string, at: number, length: number): string | undefined {
  const after = /^\.then\(\(\w+\) => \w+\.(\w+)\)/.exec(code.slice(at + length))?.[1];
  const before = /\{ (\w+) \} = await $/.exec(code.slice(Math.max(0, at - 80), at))?.[1];
  return after ?? before;
}

/**
 * Vite wraps dynamic imports in its preload helper (~0.6 KB gzipped) even with `modulePreload: false`, where it could
 * only ever call the loader (and content scripts import no CSS). Content chunks get exactly that instead.
 */
const PRELOAD_HELPER = /\/\/ \\0vite\/preload-helper\.js\n[\s\S]*?\n(?=\/\/ )/;
const noPreloadHelper: Plugin = {
  name: 'replyclock:content-no-preload-helper',
  renderChunk(code) {
    if (!code.includes('var __vitePreload = ')) return null;
    if (!PRELOAD_HELPER.test(code)) {
      this.warn('content chunk: Vite preload helper not found, left as is');
      return null;
    }
    return { code: code.replace(PRELOAD_HELPER, 'var __vitePreload = (load) => load();\n\n'), map: null };
  },
};

function contentScripts(opts: { define: Record<string, string>; matches: string[]; firefox: boolean }): Plugin {
  let outDir = '';
  let root = '';
  let writeFileList = false;
  const base = (): InlineConfig => ({
    configFile: false,
    root,
    logLevel: 'warn',
    define: opts.define,
  });
  const buildOptions = {
    outDir: '',
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'es2022',
    minify,
    sourcemap: false,
    modulePreload: false,
  } as const;

  return {
    name: 'replyclock:content-scripts',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
      root = config.root;
      writeFileList = Boolean(config.build.manifest);
    },
    async closeBundle() {
      const lazy = new Map<string, LazyModule>();
      // 1. The runtime: one classic script. Its lazy imports become imports of the built files by extension URL.
      const rewrite: Plugin = {
        name: 'replyclock:content-lazy-imports',
        enforce: 'pre',
        transform(code, id) {
          if (!LAZY_HOSTS.test(id)) return null;
          const out = code.replace(LAZY_IMPORT, (whole: string, rel: string, name: string, at: number) => {
            const exportName = lazyExport(code, at, whole.length);
            if (!exportName) this.error(`${id}: cannot tell which export ${whole} reads (write .then((m) => m.name))`);
            lazy.set(name, { name, source: resolve(dirname(id), `${rel}.ts`), exportName });
            return `import(chrome.runtime.getURL(${JSON.stringify(`${CONTENT_DIR}/${name}.js`)}))`;
          });
          return out === code ? null : { code: out, map: null };
        },
      };
      const runtime = await build({
        ...base(),
        plugins: [rewrite],
        build: {
          ...buildOptions,
          outDir,
          rollupOptions: {
            input: { runtime: resolve(root, 'src/content/index.ts') },
            // Classic scripts run sloppy unless told: keep the module semantics the code was written for.
            output: { format: 'iife', intro: '"use strict";', entryFileNames: CONTENT_RUNTIME },
          },
        },
      });
      const runtimeCode = outputsOf(runtime).find((o) => o.fileName === CONTENT_RUNTIME);
      if (!runtimeCode || runtimeCode.type !== 'chunk') throw new Error(`content build: ${CONTENT_RUNTIME} missing`);

      // 2. Each lazy module the runtime still imports (the demo adapter is gone from store builds): its own build.
      const files: Record<string, string[]> = {};
      const accessible: string[] = [];
      for (const m of lazy.values()) {
        if (!runtimeCode.code.includes(`${CONTENT_DIR}/${m.name}.js`)) continue;
        const entryId = `\0rc-content-entry:${m.name}`;
        const result = await build({
          ...base(),
          plugins: [
            {
              name: 'replyclock:content-entry',
              resolveId: (id) => (id === entryId ? id : null),
              // Only the export the runtime reads: everything else the module exports for tests is shaken out.
              load: (id) => (id === entryId ? `export { ${m.exportName} } from ${JSON.stringify(m.source)};` : null),
            },
            noPreloadHelper,
          ],
          build: {
            ...buildOptions,
            outDir,
            rollupOptions: {
              input: { [m.name]: entryId },
              preserveEntrySignatures: 'strict',
              output: { format: 'es', entryFileNames: `${CONTENT_DIR}/[name].js`, chunkFileNames: `${CONTENT_DIR}/${m.name}-[name]-[hash].js` },
            },
          },
        });
        const chunks = outputsOf(result).filter((o) => o.type === 'chunk');
        const entry = chunks.find((c) => c.isEntry);
        if (!entry) throw new Error(`content build: no entry chunk for ${m.name}`);
        // What importing the module fetches at once: the file and its static imports (not its own lazy chunks).
        const loaded = new Set<string>();
        const walk = (file: string): void => {
          if (loaded.has(file)) return;
          loaded.add(file);
          for (const dep of chunks.find((c) => c.fileName === file)?.imports ?? []) walk(dep);
        };
        walk(entry.fileName);
        files[m.name] = [...loaded];
        accessible.push(...chunks.map((c) => c.fileName));
      }

      // 3. The manifest: the runtime as the content script, the lazily imported files web-accessible on those hosts only.
      const manifestPath = join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown> & { web_accessible_resources?: unknown[] };
      manifest.content_scripts = [{ js: [CONTENT_RUNTIME], matches: opts.matches, run_at: 'document_idle' }];
      manifest.web_accessible_resources = [
        ...(manifest.web_accessible_resources ?? []),
        { matches: opts.matches, resources: [...new Set(accessible)].sort(), ...(opts.firefox ? {} : { use_dynamic_url: false }) },
      ];
      writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
      if (writeFileList) {
        mkdirSync(join(outDir, dirname(CONTENT_FILES)), { recursive: true });
        writeFileSync(join(outDir, CONTENT_FILES), `${JSON.stringify({ runtime: [CONTENT_RUNTIME], sites: files }, null, 2)}\n`);
      }
    },
  };
}

function outputsOf(result: Awaited<ReturnType<typeof build>>): (OutputChunk | OutputAsset)[] {
  const list = Array.isArray(result) ? result : [result];
  return list.flatMap((r) => ('output' in r ? r.output : []));
}

const outDir = isDemo ? 'dist/demo' : isFirefox ? 'dist/firefox' : 'dist/chrome';

export default defineConfig({
  plugins: [
    preact(),
    crx({ manifest, browser: isFirefox ? 'firefox' : 'chrome' }),
    standaloneContentScript({ __RC_DEMO__: JSON.stringify(isDemo) }),
    contentScripts({ define: { __RC_DEMO__: JSON.stringify(isDemo) }, matches: contentMatches, firefox: isFirefox }),
  ],
  define: { __RC_DEMO__: JSON.stringify(isDemo) },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    minify,
    // Extension pages get <link rel=modulepreload> for their whole import graph, so the popup's chunks load in
    // parallel rather than one import level after another (popup first paint). No polyfill (every browser we ship
    // to has modulepreload) and no preload lists for dynamic imports (pages load their lazy chunks one at a time).
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
    rollupOptions: {
      input: { reports: 'src/reports/index.html' },
      output: {
        manualChunks: (id) => (CONTENT_CORE.test(id) ? 'content-core' : undefined),
      },
    },
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
