import type { z } from 'zod';
import {
  isErrorCode,
  isRequestName,
  requestMap,
  type ErrorCode,
  type Reply,
  type RequestName,
  type RequestSpec,
} from '../../src-shared/contract';
import { CodedError } from '../../src-shared/result';
import { recordAudit } from '../audit/audit';
import type { CallContext, ClientRef, Handlers, OfficeServices } from './context';

/** Formats zod issues as one specific line: which field, what is wrong. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length === 0 ? 'input' : issue.path.join('.')}: ${issue.message}`)
    .join('; ');
}

function inputBytes(rawInput: unknown): number {
  const json = JSON.stringify(rawInput);
  return json === undefined ? 0 : new TextEncoder().encode(json).length;
}

class Refusal extends CodedError<ErrorCode> {}

/**
 * The one place every call from a renderer (IPC or HTTP) or the CLI goes through:
 * known name → size limit → session and role → zod input → handler under a timeout → zod output.
 * Replies are `{ok:true,value} | {ok:false,error:{code,message}}`; nothing throws past here.
 */
export async function dispatch(
  services: OfficeServices,
  handlers: Handlers,
  client: ClientRef,
  name: unknown,
  rawInput: unknown,
): Promise<Reply<unknown>> {
  if (!isRequestName(name)) {
    return refuse(services, client, String(name).slice(0, 64), 'UNKNOWN_REQUEST', `Unknown request "${String(name).slice(0, 64)}"`);
  }
  const spec: RequestSpec = requestMap[name];
  const session = services.sessions.touch(client.id, services.clock.nowMs());
  const ctx: CallContext = { services, client, session };
  try {
    checkSize(spec, rawInput);
    checkAccess(spec, ctx);
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) throw new Refusal('BAD_INPUT', describeIssues(parsed.error));
    const value = await withTimeout(runHandler(handlers, name, parsed.data, ctx), spec.timeoutMs, name);
    const checked = spec.output.safeParse(value);
    if (!checked.success) throw new Error(`handler ${name} returned an invalid reply: ${describeIssues(checked.error)}`);
    if (spec.kind === 'command') audit(services, client, name, 'ok', null, rawInput);
    return { ok: true, value: checked.data };
  } catch (error) {
    return failure(services, client, name, spec, error, rawInput);
  }
}

function checkSize(spec: RequestSpec, rawInput: unknown): void {
  let bytes: number;
  try {
    bytes = inputBytes(rawInput);
  } catch {
    throw new Refusal('BAD_INPUT', 'input: not plain JSON data');
  }
  if (bytes > spec.maxInputBytes) throw new Refusal('TOO_LARGE', `input is ${bytes} bytes; the limit is ${spec.maxInputBytes}`);
}

function checkAccess(spec: RequestSpec, ctx: CallContext): void {
  if (spec.access === 'public') return;
  if (ctx.session === null) throw new Refusal('NOT_LOGGED_IN', 'Log in first');
  if (!spec.access.includes(ctx.session.role)) {
    throw new Refusal('FORBIDDEN', `The role "${ctx.session.role}" may not do this (allowed: ${spec.access.join(', ')})`);
  }
}

function runHandler<K extends RequestName>(handlers: Handlers, name: K, input: unknown, ctx: CallContext): Promise<unknown> {
  const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
  return Promise.resolve().then(() => handler(input, ctx));
}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number, name: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Refusal('TIMEOUT', `${name} did not finish within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function failure(services: OfficeServices, client: ClientRef, name: RequestName, spec: RequestSpec, error: unknown, rawInput: unknown): Reply<never> {
  if (error instanceof CodedError && isErrorCode(error.code)) {
    const code: ErrorCode = error.code;
    audit(services, client, name, 'refused', code, spec.kind === 'command' ? rawInput : undefined);
    return { ok: false, error: { code, message: error.message } };
  }
  services.logger.error('request failed', { request: name, error });
  audit(services, client, name, 'error', 'INTERNAL', undefined);
  return { ok: false, error: { code: 'INTERNAL', message: 'Internal error; the details are in the log file' } };
}

function refuse(services: OfficeServices, client: ClientRef, action: string, code: ErrorCode, message: string): Reply<never> {
  audit(services, client, action, 'refused', code, undefined);
  return { ok: false, error: { code, message } };
}

function audit(services: OfficeServices, client: ClientRef, action: string, outcome: 'ok' | 'refused' | 'error', code: string | null, rawInput: unknown): void {
  const session = services.sessions.peek(client.id, services.clock.nowMs());
  try {
    recordAudit(services.db, services.clock, {
      userId: session?.userId ?? null,
      username: session?.username ?? attemptedUsername(rawInput),
      channel: client.channel,
      action,
      outcome,
      code,
      ...(rawInput !== null && typeof rawInput === 'object' && inputBytes(rawInput) <= 4096 ? { detail: rawInput as Record<string, unknown> } : {}),
    });
  } catch (error) {
    // A database that cannot take the audit row is reported, never hidden.
    services.logger.error('audit write failed', { action, error });
  }
}

function attemptedUsername(rawInput: unknown): string | null {
  if (rawInput !== null && typeof rawInput === 'object' && 'username' in rawInput) {
    const value = rawInput.username;
    if (typeof value === 'string') return value.slice(0, 64);
  }
  return null;
}
