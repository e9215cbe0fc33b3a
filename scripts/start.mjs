// `npm start`: builds the demo extension (dist/demo, the only build allowed on localhost), serves the
// demo inbox (demo/) on a free local port, and opens Chromium with the extension loaded on that page,
// plus the popup in a second tab. Stays running until Ctrl-C.
//   --headless     no window: waits for the badges, writes screenshots to test-output/demo/, exits
//   --no-browser   build and serve only (open the printed URL in a browser with dist/demo loaded)
//   --no-build     reuse an existing dist/demo
//   --locale=de    extension UI language (en, de, nl)
// The browser is driven through the e2e harness (tests/e2e/harness.ts, loaded with tsx), so the demo
// config is validated and stored exactly as the options page would store it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_DIR, serveDemo } from './demo-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const headless = flag('headless');
const noBrowser = flag('no-browser');
const locale = args.find((a) => a.startsWith('--locale='))?.slice('--locale='.length);

function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

// Check the display before the build so the hint comes at once.
if (!headless && !noBrowser && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail(
    'No display found ($DISPLAY is not set), so a browser window cannot open here.\n' +
      'Try one of:\n' +
      '  xvfb-run npm start            (a virtual display)\n' +
      '  npm start -- --headless       (no window: writes screenshots to test-output/demo/ and exits)\n' +
      '  npm start -- --no-browser     (build and serve the demo only)',
  );
}

if (!flag('no-build')) {
  console.log('Building the demo extension (npm run build:demo) …');
  const built = spawnSync('npm', ['run', '--silent', 'build:demo'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) fail('The demo build failed (see above).');
}
if (!existsSync(join(ROOT, 'dist/demo/manifest.json'))) fail('dist/demo is missing: run without --no-build.');

const { server, url: demoUrl } = await serveDemo();
console.log(`Demo inbox: ${demoUrl}`);

if (noBrowser) {
  console.log('Serving until Ctrl-C. Load dist/demo as an unpacked extension to see the badges.');
  process.on('SIGINT', () => server.close(() => process.exit(0)));
} else {
  const { tsImport } = await import('tsx/esm/api');
  const { launch, findChromium } = await tsImport('../tests/e2e/harness.ts', import.meta.url);
  try {
    findChromium();
  } catch (err) {
    server.close();
    fail(err.message);
  }

  const h = await launch({ dist: 'dist/demo', headless, offline: false, viewport: headless ? { width: 1000, height: 800 } : null, ...(locale ? { locale } : {}) });
  const shutdown = async (code = 0) => {
    await h.close();
    server.close();
    process.exit(code);
  };
  try {
    await h.setConfig(JSON.parse(readFileSync(join(DEMO_DIR, 'demo-config.json'), 'utf8')));
    const demo = await h.open(demoUrl);
    const popup = await h.openPopup();

    if (headless) {
      const out = join(ROOT, 'test-output/demo');
      mkdirSync(out, { recursive: true });
      await demo.bringToFront();
      const badges = await demo.locator('replyclock-badge').first().waitFor({ state: 'attached', timeout: 15000 }).then(() => true, () => false);
      if (!badges) console.warn('No Replyclock badge appeared on the demo page within 15 s.');
      await demo.screenshot({ path: join(out, 'demo.png'), fullPage: true });
      await popup.reload();
      await popup.getByTestId('open').waitFor({ timeout: 5000 }).catch(() => undefined);
      await popup.screenshot({ path: join(out, 'popup.png'), fullPage: true });
      console.log(`Screenshots: ${join(out, 'demo.png')}, ${join(out, 'popup.png')}`);
      await shutdown(badges ? 0 : 1);
    } else {
      await demo.bringToFront();
      console.log('Chromium is open on the demo inbox, with the Replyclock popup in the second tab.');
      console.log('Press Ctrl-C here to stop.');
      process.on('SIGINT', () => void shutdown(0));
      process.on('SIGTERM', () => void shutdown(0));
      h.context.on('close', () => {
        server.close();
        process.exit(0);
      });
    }
  } catch (err) {
    console.error(err);
    await shutdown(1);
  }
}
