import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The version in the nearest package.json above this file (CLI and browser shell; Electron asks `app`). */
export function readAppVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'ebill-counter' && typeof pkg.version === 'string') return pkg.version;
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}

/** The project (or unpacked app) root: the folder of the package.json named ebill-counter. */
export function findAppRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'ebill-counter') return dir;
    dir = dirname(dir);
  }
  return null;
}

/** `resources/` (fonts, catalog, holidays): beside the app in a checkout, in `process.resourcesPath` when installed. */
export function findResourcesDir(): string | null {
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged !== undefined && existsSync(join(packaged, 'resources'))) return join(packaged, 'resources');
  const root = findAppRoot();
  return root === null ? null : join(root, 'resources');
}
