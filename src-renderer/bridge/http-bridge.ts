import {
  eventMap,
  HTTP_CLIENT_HEADER,
  HTTP_EVENTS_PATH,
  HTTP_TOKEN_HEADER,
  httpRequestPath,
  isErrorCode,
  isEventName,
  isRequestName,
  type EbillApi,
  type EventName,
  type EventPayload,
  type Reply,
  type ReplyError,
} from '../../src-shared/contract';

/** sessionStorage keys: per tab, gone when the tab closes. */
export const TOKEN_STORAGE_KEY = 'ebill.token';
export const CLIENT_STORAGE_KEY = 'ebill.client';

/**
 * Longest the browser waits for one reply. Above the contract's longest handler timeout
 * (LIMITS.loginTimeoutMs, 15 s) so that main's own TIMEOUT answer normally arrives first.
 */
export const HTTP_REPLY_TIMEOUT_MS = 30_000;
/** Longest text of a non-JSON answer kept in the error message. */
const MAX_ECHOED_BODY_CHARS = 200;

/** A message from the events stream, as much of `MessageEvent` as the bridge reads. */
export interface StreamMessage {
  readonly data: unknown;
}

export interface EventStream {
  addEventListener(type: string, listener: (message: StreamMessage) => void): void;
  removeEventListener(type: string, listener: (message: StreamMessage) => void): void;
}

/** What the bridge needs from the browser; tests pass fakes. */
export interface BrowserEnvironment {
  readonly currentUrl: () => string;
  readonly replaceUrl: (pathAndQuery: string) => void;
  readonly session: Pick<Storage, 'getItem' | 'setItem'>;
  readonly fetch: (path: string, init: RequestInit) => Promise<Pick<Response, 'status' | 'text'>>;
  readonly randomUUID: () => string;
  readonly openEventStream: (url: string) => EventStream;
  readonly timeoutSignal: (ms: number) => AbortSignal;
}

export function browserEnvironment(): BrowserEnvironment {
  return {
    currentUrl: () => window.location.href,
    replaceUrl: (pathAndQuery) => window.history.replaceState(window.history.state, '', pathAndQuery),
    session: window.sessionStorage,
    fetch: (path, init) => window.fetch(path, init),
    randomUUID: () => window.crypto.randomUUID(),
    openEventStream: (url) => new EventSource(url),
    timeoutSignal: (ms) => AbortSignal.timeout(ms),
  };
}

/**
 * The token comes once in the address (`/?token=T`, printed by `npm run start:web`): it is kept in
 * sessionStorage and taken out of the visible address, so it is not left on screen, in a
 * screenshot or in the browser history. A reload finds it in sessionStorage.
 */
export function takeToken(env: Pick<BrowserEnvironment, 'currentUrl' | 'replaceUrl' | 'session'>): string | null {
  const url = new URL(env.currentUrl());
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null && fromUrl !== '') {
    env.session.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    env.replaceUrl(`${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return env.session.getItem(TOKEN_STORAGE_KEY);
}

/** One id per tab: main keeps one session per client, so two tabs are two logins. */
export function takeClientId(env: Pick<BrowserEnvironment, 'session' | 'randomUUID'>): string {
  const stored = env.session.getItem(CLIENT_STORAGE_KEY);
  if (stored !== null && stored !== '') return stored;
  const id = env.randomUUID();
  env.session.setItem(CLIENT_STORAGE_KEY, id);
  return id;
}

function failure(code: ReplyError['code'], message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}

/** The Reply shape, checked before it is trusted; anything else is the transport's INTERNAL. */
export function readReply(status: number, body: string): Reply<unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return failure('INTERNAL', `HTTP ${status}: ${body.slice(0, MAX_ECHOED_BODY_CHARS)}`);
  }
  if (typeof parsed === 'object' && parsed !== null && 'ok' in parsed) {
    if (parsed.ok === true && 'value' in parsed) return { ok: true, value: parsed.value };
    if (parsed.ok === false && 'error' in parsed && typeof parsed.error === 'object' && parsed.error !== null) {
      const { code, message } = parsed.error as { code?: unknown; message?: unknown };
      const text = typeof message === 'string' ? message : '';
      if (isErrorCode(code)) return failure(code, text);
      return failure('INTERNAL', `unknown error code ${String(code)}: ${text}`);
    }
  }
  return failure('INTERNAL', `HTTP ${status}: the answer is not a reply`);
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/**
 * `EbillApi` over HTTP for the browser shell (src-main/web): POST /api/<name> with the token and
 * client id headers, events from one EventSource. Transport failures become INTERNAL / TIMEOUT
 * replies, so callers handle one shape whatever went wrong.
 */
export function createHttpBridge(env: BrowserEnvironment) {
  const token = takeToken(env) ?? '';
  const clientId = takeClientId(env);
  let stream: EventStream | null = null;
  const eventStream = (): EventStream => {
    stream ??= env.openEventStream(`${HTTP_EVENTS_PATH}?token=${encodeURIComponent(token)}&client=${encodeURIComponent(clientId)}`);
    return stream;
  };

  const bridge = {
    request: async (name, input) => {
      if (!isRequestName(name)) return failure('UNKNOWN_REQUEST', `Unknown request "${String(name)}"`);
      let status: number;
      let body: string;
      try {
        const response = await env.fetch(httpRequestPath(name), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: token, [HTTP_CLIENT_HEADER]: clientId },
          body: JSON.stringify(input),
          cache: 'no-store',
          credentials: 'omit',
          signal: env.timeoutSignal(HTTP_REPLY_TIMEOUT_MS),
        });
        status = response.status;
        body = await response.text();
      } catch (error) {
        if (isTimeout(error)) return failure('TIMEOUT', `${name}: no answer within ${HTTP_REPLY_TIMEOUT_MS} ms`);
        return failure('INTERNAL', `${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      // main validated the value against the contract's output schema before sending it.
      return readReply(status, body) as Reply<never>;
    },
    on: (name, listener) => {
      if (!isEventName(name)) return () => undefined;
      const source = eventStream();
      const handle = (message: StreamMessage): void => {
        const payload = parseEvent(name, message.data);
        if (payload !== null) listener(payload);
      };
      source.addEventListener(name, handle);
      return () => source.removeEventListener(name, handle);
    },
  } satisfies EbillApi;
  return bridge;
}

/** An event's JSON payload checked against the contract's event map; null when it does not fit. */
export function parseEvent<E extends EventName>(name: E, data: unknown): EventPayload<E> | null {
  if (typeof data !== 'string') return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const checked = eventMap[name].payload.safeParse(json);
  return checked.success ? (checked.data as EventPayload<E>) : null;
}
