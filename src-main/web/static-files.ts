import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
}

/** A file of the built renderer, or null; never a path outside `rootDir`. */
export function readStaticFile(rootDir: string, urlPath: string): StaticFile | null {
  const relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '');
  const full = normalize(join(rootDir, relative));
  if (!full.startsWith(normalize(rootDir) + sep)) return null;
  if (!existsSync(full) || !statSync(full).isFile()) return null;
  const contentType = CONTENT_TYPES[extname(full).toLowerCase()];
  if (contentType === undefined) return null;
  return { body: readFileSync(full), contentType };
}
