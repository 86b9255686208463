#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .electron-native/better_sqlite3.node, leaving
// node_modules/better-sqlite3 (Node's ABI, used by the tests and the CLI) untouched. The desktop
// app loads this copy through better-sqlite3's `nativeBinding` option (src-main/app/native-binding.ts).
// Run by `npm start` and `npm run dist`; skipped when the stamp says the copy is current.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const outDir = join(root, '.electron-native');
const target = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
const arch = process.env.npm_config_arch ?? process.arch;
const stamp = JSON.stringify({ electronVersion, sqliteVersion, arch, platform: process.platform });

if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  console.log(`better-sqlite3 for Electron ${electronVersion} is current`);
  process.exit(0);
}

const work = join(outDir, 'build');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(sqliteDir, work, { recursive: true, filter: (p) => !p.includes(`${join('build', 'Release')}`) });

const run = (cmd, args) => execFileSync(cmd, args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' });
try {
  // A prebuilt Electron binary when one is published, else a source build against Electron's headers.
  try {
    run(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion, '--arch', arch]);
  } catch {
    run(process.execPath, [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers']);
  }
} catch (error) {
  console.error(`Could not build better-sqlite3 for Electron ${electronVersion}: ${error.message}`);
  console.error('This needs Electron headers or prebuilt binaries from the internet; the browser shell (npm run start:web) needs neither.');
  process.exit(1);
}
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
writeFileSync(stampFile, stamp);
rmSync(work, { recursive: true, force: true });
console.log(`built ${target} for Electron ${electronVersion}`);
