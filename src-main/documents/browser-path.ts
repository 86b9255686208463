import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CodedError } from '../../src-shared/result';

/**
 * Which installed Chromium-family browser renders documents outside Electron (`ebill print`, the
 * browser shell, tests). playwright-core drives it and downloads nothing (src-main/documents/README.md).
 * Order: `EBILL_CHROMIUM`, then `CHROMIUM_PATH` (older name), then the usual install paths of the platform.
 */
export const CHROMIUM_ENV = 'EBILL_CHROMIUM';
export const LEGACY_CHROMIUM_ENV = 'CHROMIUM_PATH';

const POSIX_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge'] as const;
const MAC_PATHS = ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', '/Applications/Chromium.app/Contents/MacOS/Chromium'] as const;

/** Edge ships with every Windows 10/11 office PC; Chrome where someone installed it. */
function windowsPaths(env: NodeJS.ProcessEnv): string[] {
  const roots = [env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)', env['ProgramFiles'] ?? 'C:\\Program Files'];
  const local = env['LOCALAPPDATA'];
  return [
    ...roots.map((root) => join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
    ...roots.map((root) => join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')),
    ...(local === undefined ? [] : [join(local, 'Google', 'Chrome', 'Application', 'chrome.exe')]),
  ];
}

export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'win32') return windowsPaths(env);
  if (platform === 'darwin') return [...MAC_PATHS];
  return [...POSIX_PATHS];
}

/**
 * The browser to launch. A path set in the environment must exist (a typo is not silently replaced
 * by another browser); otherwise the first installed candidate. None: RENDER_FAILED saying what to do.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, exists: (path: string) => boolean = existsSync): string {
  for (const name of [CHROMIUM_ENV, LEGACY_CHROMIUM_ENV]) {
    const configured = env[name];
    if (configured === undefined || configured === '') continue;
    if (!exists(configured)) throw new CodedError('RENDER_FAILED', `${name}=${configured}: no such browser; point it at chromium, msedge.exe or chrome.exe`);
    return configured;
  }
  const candidates = chromiumCandidates(env, platform);
  const found = candidates.find((path) => exists(path));
  if (found === undefined) {
    throw new CodedError(
      'RENDER_FAILED',
      `ไม่พบเบราว์เซอร์สำหรับสร้างเอกสาร / No Chromium, Edge or Chrome to render documents (looked at ${candidates.join(', ')}); install one or set ${CHROMIUM_ENV}`,
    );
  }
  return found;
}
