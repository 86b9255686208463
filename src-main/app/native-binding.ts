import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 compiled for Electron's ABI. The tests and the CLI use Node's own build in
 * node_modules; rebuilding that in place would break them. So `scripts/electron-native.mjs`
 * (run by `npm start` and `npm run dist`) builds a separate copy and the desktop app loads it
 * through better-sqlite3's `nativeBinding` option.
 */
export function electronNativeBinding(appRoot: string, resourcesPath: string, isPackaged: boolean): string | undefined {
  const candidates = isPackaged
    ? [join(resourcesPath, 'native', 'better_sqlite3.node')]
    : [join(appRoot, '.electron-native', 'better_sqlite3.node')];
  return candidates.find((file) => existsSync(file));
}
