import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { SECURITY_HEADERS } from '../web/security-headers';

/** The app's content comes from this custom scheme, never from http(s) or file:. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://renderer`;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } }]);
}

/** Serves the built renderer with the strict CSP and security headers; nothing outside it. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const full = normalize(join(rendererDir, relative));
    const type = CONTENT_TYPES[extname(full).toLowerCase()];
    if (url.host !== 'renderer' || !full.startsWith(normalize(rendererDir) + sep) || type === undefined) {
      return new Response('not found', { status: 404 });
    }
    try {
      return new Response(await readFile(full), { headers: { ...SECURITY_HEADERS, 'content-type': type } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}
