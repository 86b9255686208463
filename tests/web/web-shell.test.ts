import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_CLIENT_HEADER, HTTP_TOKEN_HEADER, httpRequestPath, LIMITS } from '../../src-shared/contract';
import { createWebShell, listenOnLoopback, maxBodyBytes } from '../../src-main/web/server';
import { makeTestOffice, PASSWORD, setUpWithUsers, type TestOffice } from '../helpers/office';

const TOKEN = 'test-token-abcdefghijklmnop';
const CLIENT = '0190a0b0-c0d0-7e0f-8a1b-2c3d4e5f6a7b';
let office: TestOffice;
let server: Server;
let port: number;
let rendererDir: string;

beforeAll(async () => {
  office = makeTestOffice({ idleTimeoutMs: 60_000 });
  await setUpWithUsers(office);
  rendererDir = mkdtempSync(join(tmpdir(), 'ebill-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ebill</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(tmpdir(), 'ebill-secret.txt'), 'secret');
  server = createWebShell({ host: office.host, rendererDir, token: TOKEN });
  port = await listenOnLoopback(server, 0);
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
  office.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(method: string, path: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (name: Parameters<typeof httpRequestPath>[0], input: unknown, headers: Record<string, string> = {}) =>
  send('POST', httpRequestPath(name), {
    headers: { [HTTP_TOKEN_HEADER]: TOKEN, [HTTP_CLIENT_HEADER]: CLIENT, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });

describe('browser shell', () => {
  it('serves the renderer with the strict CSP and security headers', async () => {
    const page = await send('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await send('GET', '/assets/app.js')).status).toBe(200);
  });

  it('never serves a file outside the renderer folder', async () => {
    expect((await send('GET', '/../ebill-secret.txt')).status).toBe(404);
    expect((await send('GET', '/%2e%2e/ebill-secret.txt')).status).toBe(404);
  });

  it('carries the contract over HTTP to the same dispatcher, with sessions per client', async () => {
    const login = await api('session.login', { username: 'admin', password: PASSWORD });
    expect(JSON.parse(login.body)).toMatchObject({ ok: true, value: { user: { username: 'admin', role: 'admin' } } });
    const list = JSON.parse((await api('user.list', { includeDisabled: false })).body) as { ok: boolean; value: { users: unknown[] } };
    expect(list.ok).toBe(true);
    expect(list.value.users).toHaveLength(6);
    const other = await api('user.list', { includeDisabled: false }, { [HTTP_CLIENT_HEADER]: '0190a0b0-c0d0-7e0f-8a1b-000000000000' });
    expect(JSON.parse(other.body)).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });

  it('refuses calls without the run token, from another origin or for another host', async () => {
    expect((await api('app.info', {}, { [HTTP_TOKEN_HEADER]: 'wrong' })).status).toBe(401);
    expect((await api('app.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('app.info', {}, { host: 'evil.example' })).status).toBe(421);
    expect((await api('app.info', {}, { [HTTP_CLIENT_HEADER]: 'not-a-uuid' })).status).toBe(400);
    expect((await send('GET', httpRequestPath('app.info'))).status).toBe(405);
  });

  it('answers bad bodies with contract errors', async () => {
    const notJson = await send('POST', httpRequestPath('app.info'), { headers: { [HTTP_TOKEN_HEADER]: TOKEN, [HTTP_CLIENT_HEADER]: CLIENT }, body: '{oops' });
    expect(JSON.parse(notJson.body)).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: 'input: the body is not JSON' } });
    const huge = await api('app.info', { pad: 'x'.repeat(LIMITS.httpMaxBodyBytes) });
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    // A request with a larger input limit of its own (a bank file) gets past the shell to the dispatcher.
    const bankFile = await api('bank.import', { format: 'auto', contentBase64: 'A'.repeat(LIMITS.httpMaxBodyBytes + 12) });
    // …where the role check answers (this client is not the finance officer), not the shell's TOO_LARGE.
    expect(JSON.parse(bankFile.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(maxBodyBytes('bank.import')).toBeGreaterThan(LIMITS.httpMaxBodyBytes);
    expect(maxBodyBytes('app.info')).toBe(LIMITS.httpMaxBodyBytes);
    expect(maxBodyBytes(undefined)).toBe(LIMITS.httpMaxBodyBytes);
    const unknown = await send('POST', '/api/ledger.wipe', { headers: { [HTTP_TOKEN_HEADER]: TOKEN, [HTTP_CLIENT_HEADER]: CLIENT }, body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
  });

  it('pushes events to the right client over server-sent events', async () => {
    await api('session.login', { username: 'operator', password: PASSWORD });
    let logout: Promise<Answer> | undefined;
    const received = await new Promise<string>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: `/api/events?token=${TOKEN}&client=${CLIENT}`, headers: { host: `127.0.0.1:${port}` } }, (res) => {
        let text = '';
        res.on('error', () => undefined); // destroyed on purpose below
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          if (text.includes(': connected') && logout === undefined) logout = api('session.logout', {});
          if (text.includes('event: session.ended')) {
            resolve(text);
            res.destroy();
          }
        });
      });
      req.on('error', () => undefined); // the stream is cut on purpose once the event is in
      req.end();
    });
    expect(received).toContain('event: session.ended\ndata: {"reason":"logout"}');
    expect(JSON.parse((await logout)?.body ?? '')).toEqual({ ok: true, value: {} });
  });
});
