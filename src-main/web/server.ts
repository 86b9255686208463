import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  HTTP_CLIENT_HEADER,
  HTTP_EVENTS_PATH,
  HTTP_TOKEN_HEADER,
  httpRequestPath,
  LIMITS,
  REQUEST_NAMES,
  requestMap,
  type Reply,
  type RequestName,
} from '../../src-shared/contract';
import { UUID_PATTERN } from '../../src-shared/ids';
import type { OfficeHost } from '../host/office-host';
import { SECURITY_HEADERS } from './security-headers';
import { readStaticFile } from './static-files';

export interface WebShellOptions {
  readonly host: OfficeHost;
  readonly rendererDir: string;
  readonly token: string;
}

const ROUTES: ReadonlyMap<string, RequestName> = new Map(REQUEST_NAMES.map((name) => [httpRequestPath(name), name]));
const SSE_HEARTBEAT_MS = 25_000;

/**
 * The browser shell (design.md "web/"): serves the built renderer on 127.0.0.1 and carries the
 * same contract over HTTP to the same dispatcher. Every API call needs the per-run token; the
 * Host and Origin headers must name this server (no DNS rebinding, no cross-site calls).
 */
export function createWebShell(options: WebShellOptions): Server {
  const streams = new Map<string, Set<ServerResponse>>();
  const unsubscribe = options.host.services.events.subscribe((target, name, payload) => {
    const targets = target === null ? [...streams.values()].flatMap((s) => [...s]) : [...(streams.get(target) ?? [])];
    for (const res of targets) res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });

  const server = createServer((req, res) => {
    handle(req, res, options, streams).catch((error: unknown) => {
      options.host.services.logger.error('web shell request failed', { error });
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
    });
  });
  server.on('close', unsubscribe);
  return server;
}

async function handle(req: IncomingMessage, res: ServerResponse, options: WebShellOptions, streams: Map<string, Set<ServerResponse>>): Promise<void> {
  for (const [key, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(key, value);
  const port = (req.socket.localPort ?? 0).toString();
  if (!isOwnHost(req.headers.host, port)) return sendText(res, 421, 'wrong host');
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

  if (url.pathname === HTTP_EVENTS_PATH && req.method === 'GET') {
    if (!tokenMatches(url.searchParams.get('token'), options.token)) return sendText(res, 401, 'bad token');
    const clientId = url.searchParams.get('client') ?? '';
    if (!UUID_PATTERN.test(clientId)) return sendText(res, 400, 'bad client id');
    return openEventStream(req, res, `web:${clientId}`, streams);
  }
  if (url.pathname.startsWith('/api/')) {
    if (req.method !== 'POST') return sendText(res, 405, 'POST only');
    if (!isOwnOrigin(req.headers.origin, port)) return sendText(res, 403, 'cross-origin call refused');
    if (!tokenMatches(headerValue(req, HTTP_TOKEN_HEADER), options.token)) return sendText(res, 401, 'bad token');
    const clientId = headerValue(req, HTTP_CLIENT_HEADER) ?? '';
    if (!UUID_PATTERN.test(clientId)) return sendText(res, 400, 'bad client id');
    const reply = await apiCall(req, options.host, `web:${clientId}`, url.pathname);
    return sendJson(res, 200, reply);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'GET only');
  const file = readStaticFile(options.rendererDir, url.pathname);
  if (file === null) return sendText(res, 404, 'not found');
  res.writeHead(200, { 'content-type': file.contentType, 'cache-control': url.pathname === '/' ? 'no-store' : 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

/** JSON around an input at its limit (braces, quotes, escapes are counted by the dispatcher's own check). */
const BODY_OVERHEAD_BYTES = 1024;

/**
 * The most body a request may send: its own input limit (a bank file is megabytes, `bank.import`)
 * or the shell's default, whichever is larger. The dispatcher checks the exact input size again.
 */
export function maxBodyBytes(name: RequestName | undefined): number {
  const own = name === undefined ? 0 : requestMap[name].maxInputBytes + BODY_OVERHEAD_BYTES;
  return Math.max(LIMITS.httpMaxBodyBytes, own);
}

async function apiCall(req: IncomingMessage, host: OfficeHost, clientId: string, path: string): Promise<Reply<unknown>> {
  const name = ROUTES.get(path);
  const limit = maxBodyBytes(name);
  const body = await readBody(req, limit);
  if (body === null) return { ok: false, error: { code: 'TOO_LARGE', message: `request body over ${limit} bytes` } };
  let input: unknown;
  try {
    input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, error: { code: 'BAD_INPUT', message: 'input: the body is not JSON' } };
  }
  // An unknown path still goes to the dispatcher, which answers UNKNOWN_REQUEST and audits it.
  return host.call({ id: clientId, channel: 'web' }, name ?? path.slice('/api/'.length), input);
}

function openEventStream(req: IncomingMessage, res: ServerResponse, clientId: string, streams: Map<string, Set<ServerResponse>>): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': connected\n\n');
  const set = streams.get(clientId) ?? new Set<ServerResponse>();
  set.add(res);
  streams.set(clientId, set);
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), SSE_HEARTBEAT_MS);
  // A tab closed mid-stream resets the socket: that ends the stream, never the shell.
  req.on('error', () => undefined);
  res.on('error', () => undefined);
  req.on('close', () => {
    clearInterval(heartbeat);
    set.delete(res);
    if (set.size === 0) streams.delete(clientId);
  });
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isOwnHost(hostHeader: string | undefined, port: string): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

/** Browsers send Origin on POST; tools (tests, curl) may not. A foreign one is refused. */
function isOwnOrigin(origin: string | undefined, port: string): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

export function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
