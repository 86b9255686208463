import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy between terminals and central that misbehaves on purpose (issue 11): for each
 * request it picks one fault from a seeded random sequence, so a failing run can be replayed.
 * - drop: the connection is closed before anything is forwarded;
 * - delay: forwarded after a random wait;
 * - duplicate: forwarded twice, the terminal gets one of the two answers (the other copy is a replay);
 * - reorder: held until the next request has been forwarded, then forwarded;
 * - truncate: forwarded, the answer cut in the middle of its body;
 * - http-500: answered 500 without forwarding;
 * - reset: forwarded (central acts on it), then the connection is reset before the answer: a lost ack;
 * - pass: forwarded as it is.
 */
export const FAULTS = ['drop', 'delay', 'duplicate', 'reorder', 'truncate', 'http-500', 'reset', 'pass'] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultProxy {
  readonly url: string;
  readonly counts: Readonly<Record<Fault, number>>;
  close(): Promise<void>;
}

const MAX_DELAY_MS = 40;
const REORDER_HOLD_MS = 60;

/** mulberry32: a small seeded generator, so the fault sequence is reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Forwarded {
  readonly status: number;
  readonly body: Buffer;
  readonly contentType: string;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `faultShare`: the share of requests that get a fault other than `pass`, spread evenly over the faults. */
export async function startFaultProxy(targetUrl: string, seed: number, faultShare: number): Promise<FaultProxy> {
  const random = seeded(seed);
  const counts = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<Fault, number>;
  const faulty = FAULTS.filter((f) => f !== 'pass');
  let releaseHeld: (() => void) | undefined;

  const pick = (): Fault => (random() >= faultShare ? 'pass' : (faulty[Math.floor(random() * faulty.length)] ?? 'pass'));

  async function forward(request: IncomingMessage, body: Buffer): Promise<Forwarded> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding'].includes(name)) headers[name] = value;
    }
    const response = await fetch(new URL(request.url ?? '/', targetUrl), { method: request.method ?? 'GET', headers, ...(body.length > 0 ? { body: new Uint8Array(body) } : {}) });
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? 'application/json' };
  }

  const answer = (response: ServerResponse, forwarded: Forwarded) => {
    response.writeHead(forwarded.status, { 'content-type': forwarded.contentType, 'content-length': forwarded.body.length });
    response.end(forwarded.body);
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const fault = pick();
    counts[fault] += 1;
    // A request held for reordering goes once this one has been forwarded.
    const release = releaseHeld;
    releaseHeld = undefined;
    try {
      switch (fault) {
        case 'drop':
          request.socket.destroy();
          return;
        case 'http-500':
          response.writeHead(500, { 'content-type': 'text/plain' });
          response.end('proxy: injected failure');
          return;
        case 'delay':
          await sleep(Math.floor(random() * MAX_DELAY_MS));
          answer(response, await forward(request, body));
          return;
        case 'duplicate': {
          const [a, b] = await Promise.all([forward(request, body), forward(request, body)]);
          answer(response, random() < 0.5 ? a : b);
          return;
        }
        case 'reorder': {
          await new Promise<void>((resolve) => {
            releaseHeld = resolve;
            setTimeout(resolve, REORDER_HOLD_MS);
          });
          answer(response, await forward(request, body));
          return;
        }
        case 'truncate': {
          const forwarded = await forward(request, body);
          response.writeHead(forwarded.status, { 'content-type': forwarded.contentType, 'content-length': forwarded.body.length });
          response.write(forwarded.body.subarray(0, Math.floor(forwarded.body.length / 2)));
          request.socket.destroy();
          return;
        }
        case 'reset':
          await forward(request, body);
          request.socket.resetAndDestroy();
          return;
        case 'pass':
          answer(response, await forward(request, body));
          return;
      }
    } finally {
      release?.();
    }
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => request.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
