// `npm run package` (after `npm run build`): store-ready zips of the built extension,
//   artifacts/replyclock-chrome-<version>.zip   from dist/chrome (Chrome Web Store, Edge Add-ons)
//   artifacts/replyclock-firefox-<version>.zip  from dist/firefox (addons.mozilla.org)
// manifest.json at the zip root, no source maps, files in a stable order with a fixed date so the same
// build gives the same bytes. Refuses a build that can reach localhost (that is the npm start demo build).
import { deflateRawSync } from 'node:zlib';
import * as zlib from 'node:zlib';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
/** zlib.crc32 exists from Node 20.15; the table version keeps older 20.x working. */
function crc32(buf) {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(buf) >>> 0;
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function listFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

/** A minimal ZIP (deflate, no zip64: an extension is far below 4 GB). */
export function zip(entries) {
  // DOS date 1980-01-01 00:00: reproducible archives.
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1;
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, body);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Checks the build and returns the zip's entries, or throws why it cannot be shipped. */
export function collect(distDir) {
  const manifestPath = join(distDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${relative(ROOT, distDir)} has no manifest.json: run \`npm run build\` first`);
  const manifestText = readFileSync(manifestPath, 'utf8');
  if (/localhost|127\.0\.0\.1/.test(manifestText)) {
    throw new Error(`${relative(ROOT, distDir)}/manifest.json can reach localhost (a demo build?): store builds must not. Run \`npm run build\`.`);
  }
  const entries = [];
  for (const file of listFiles(distDir)) {
    const name = relative(distDir, file).split(sep).join('/');
    if (name.endsWith('.map') || name.split('/').some((part) => part.startsWith('.'))) continue;
    let data = readFileSync(file);
    if (/\.(js|css|html)$/.test(name) && /sourceMappingURL=/.test(data.toString('utf8'))) {
      // The maps are not shipped, so the comments pointing at them go too.
      data = Buffer.from(data.toString('utf8').replace(/\n?\/[/*][#@] sourceMappingURL=[^\n]*/g, ''), 'utf8');
    }
    entries.push({ name, data });
  }
  return { manifest: JSON.parse(manifestText), entries };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
  try {
    for (const browser of ['chrome', 'firefox']) {
      const { manifest, entries } = collect(join(ROOT, 'dist', browser));
      if (manifest.version !== version) throw new Error(`dist/${browser} is version ${manifest.version}, package.json says ${version}: rebuild`);
      const out = join(ROOT, 'artifacts', `replyclock-${browser}-${version}.zip`);
      const bytes = zip(entries);
      writeFileSync(out, bytes);
      console.log(`${relative(ROOT, out)}  ${entries.length} files, ${(bytes.length / 1024).toFixed(1)} KB`);
    }
  } catch (err) {
    console.error(`package: ${err.message}`);
    process.exit(1);
  }
}
