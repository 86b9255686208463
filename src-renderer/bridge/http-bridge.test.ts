import { describe, expect, it } from 'vitest';
import { HTTP_CLIENT_HEADER, HTTP_EVENTS_PATH, HTTP_TOKEN_HEADER, httpRequestPath } from '../../src-shared/contract';
import {
  CLIENT_STORAGE_KEY,
  createHttpBridge,
  parseEvent,
  readReply,
  TOKEN_STORAGE_KEY,
  type BrowserEnvironment,
  type EventStream,
  type StreamMessage,
} from './http-bridge';

const CLIENT_ID = '0b5a3c1e-9f5e-4c1a-8d2b-1234567890ab';

interface FakeCall {
  readonly path: string;
  readonly init: RequestInit;
}

class FakeStream implements EventStream {
  readonly listeners = new Map<string, Set<(message: StreamMessage) => void>>();
  addEventListener(type: string, listener: (message: StreamMessage) => void): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }
  removeEventListener(type: string, listener: (message: StreamMessage) => void): void {
    this.listeners.get(type)?.delete(listener);
  }
  emit(type: string, data: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
}

function fakeEnvironment(options: { url?: string; stored?: Record<string, string>; answer?: () => Promise<{ status: number; text: () => Promise<string> }> } = {}) {
  const storage = new Map(Object.entries(options.stored ?? {}));
  const calls: FakeCall[] = [];
  const streams: { url: string; stream: FakeStream }[] = [];
  let currentUrl = options.url ?? 'http://127.0.0.1:4000/?token=T0K3N';
  const env: BrowserEnvironment = {
    currentUrl: () => currentUrl,
    replaceUrl: (pathAndQuery) => {
      currentUrl = new URL(pathAndQuery, currentUrl).href;
    },
    session: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
    fetch: (path, init) => {
      calls.push({ path, init });
      return options.answer?.() ?? Promise.resolve({ status: 200, text: () => Promise.resolve('{"ok":true,"value":{"user":null}}') });
    },
    randomUUID: () => CLIENT_ID,
    openEventStream: (url) => {
      const stream = new FakeStream();
      streams.push({ url, stream });
      return stream;
    },
    timeoutSignal: () => new AbortController().signal,
  };
  return { env, storage, calls, streams, url: () => currentUrl };
}

describe('createHttpBridge', () => {
  it('keeps the token in sessionStorage and takes it out of the visible address', () => {
    const fake = fakeEnvironment({ url: 'http://127.0.0.1:4000/?token=T0K3N&x=1#top' });
    createHttpBridge(fake.env);
    expect(fake.storage.get(TOKEN_STORAGE_KEY)).toBe('T0K3N');
    expect(fake.url()).toBe('http://127.0.0.1:4000/?x=1#top');
  });

  it('finds the token again after a reload, and keeps the tab’s client id', async () => {
    const fake = fakeEnvironment({ url: 'http://127.0.0.1:4000/', stored: { [TOKEN_STORAGE_KEY]: 'SAVED', [CLIENT_STORAGE_KEY]: 'existing-id' } });
    const bridge = createHttpBridge(fake.env);
    await bridge.request('session.current', {});
    const headers = fake.calls[0]?.init.headers as Record<string, string>;
    expect(headers[HTTP_TOKEN_HEADER]).toBe('SAVED');
    expect(headers[HTTP_CLIENT_HEADER]).toBe('existing-id');
  });

  it('POSTs the input as JSON to the contract’s path with token and client headers', async () => {
    const fake = fakeEnvironment();
    const bridge = createHttpBridge(fake.env);
    const reply = await bridge.request('session.current', {});
    expect(reply).toEqual({ ok: true, value: { user: null } });
    expect(fake.calls).toHaveLength(1);
    const call = fake.calls[0];
    expect(call?.path).toBe(httpRequestPath('session.current'));
    expect(call?.init.method).toBe('POST');
    expect(call?.init.body).toBe('{}');
    expect(call?.init.headers).toEqual({ 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: 'T0K3N', [HTTP_CLIENT_HEADER]: CLIENT_ID });
    expect(fake.storage.get(CLIENT_STORAGE_KEY)).toBe(CLIENT_ID);
  });

  it('passes a refusal through with its code', async () => {
    const fake = fakeEnvironment({ answer: () => Promise.resolve({ status: 200, text: () => Promise.resolve('{"ok":false,"error":{"code":"LOCKED_OUT","message":"locked"}}') }) });
    const reply = await createHttpBridge(fake.env).request('session.login', { username: 'a', password: 'b' });
    expect(reply).toEqual({ ok: false, error: { code: 'LOCKED_OUT', message: 'locked' } });
  });

  it('turns a network failure into INTERNAL and a timeout into TIMEOUT', async () => {
    const down = fakeEnvironment({ answer: () => Promise.reject(new TypeError('Failed to fetch')) });
    const downReply = await createHttpBridge(down.env).request('app.info', {});
    expect(downReply.ok ? null : downReply.error.code).toBe('INTERNAL');
    const slow = fakeEnvironment({ answer: () => Promise.reject(new DOMException('timed out', 'TimeoutError')) });
    const slowReply = await createHttpBridge(slow.env).request('app.info', {});
    expect(slowReply.ok ? null : slowReply.error.code).toBe('TIMEOUT');
  });

  it('refuses a name outside the contract without calling the server', async () => {
    const fake = fakeEnvironment();
    const bridge = createHttpBridge(fake.env);
    // @ts-expect-error — not a request name: the compiler refuses it too
    const reply = await bridge.request('ledger.delete', {});
    expect(reply.ok ? null : reply.error.code).toBe('UNKNOWN_REQUEST');
    expect(fake.calls).toHaveLength(0);
  });

  it('opens one event stream with token and client id, delivers checked payloads and unsubscribes', () => {
    const fake = fakeEnvironment();
    const bridge = createHttpBridge(fake.env);
    const ended: unknown[] = [];
    const errors: unknown[] = [];
    const off = bridge.on('session.ended', (payload) => ended.push(payload));
    bridge.on('app.error', (payload) => errors.push(payload));
    expect(fake.streams).toHaveLength(1);
    expect(fake.streams[0]?.url).toBe(`${HTTP_EVENTS_PATH}?token=T0K3N&client=${CLIENT_ID}`);
    const stream = fake.streams[0]?.stream;
    stream?.emit('session.ended', '{"reason":"idle"}');
    stream?.emit('session.ended', '{"reason":"bored"}');
    stream?.emit('session.ended', 'not json');
    stream?.emit('app.error', '{"code":"INTERNAL","messageTh":"ก","messageEn":"a"}');
    off();
    stream?.emit('session.ended', '{"reason":"logout"}');
    expect(ended).toEqual([{ reason: 'idle' }]);
    expect(errors).toEqual([{ code: 'INTERNAL', messageTh: 'ก', messageEn: 'a' }]);
  });
});

describe('readReply', () => {
  it('turns an answer that is not a reply into INTERNAL with the status', () => {
    expect(readReply(401, 'bad token')).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'HTTP 401: bad token' } });
    expect(readReply(200, '{"hello":1}')).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'HTTP 200: the answer is not a reply' } });
  });

  it('does not let an unknown error code through as if it were one of the contract’s', () => {
    const reply = readReply(200, '{"ok":false,"error":{"code":"NOPE","message":"m"}}');
    expect(reply.ok ? null : reply.error.code).toBe('INTERNAL');
  });
});

describe('parseEvent', () => {
  it('checks the payload against the contract’s event map', () => {
    expect(parseEvent('session.ended', '{"reason":"disabled"}')).toEqual({ reason: 'disabled' });
    expect(parseEvent('session.ended', '{"reason":"disabled","extra":1}')).toBeNull();
    expect(parseEvent('app.error', 42)).toBeNull();
  });
});
