import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { z } from 'zod';
import {
  addConsoleUserRequestSchema,
  approvalRequestSchema,
  decideApprovalRequestSchema,
  ENROLLING_KEY_ID,
  enrollCodeRequestSchema,
  importFineOrdersRequestSchema,
  localUserReportSchema,
  publishFeedRequestSchema,
  provincePaymentsRequestSchema,
  enrollRequestSchema,
  MAX_BATCH_BYTES,
  MAX_SMALL_BODY_BYTES,
  pushRequestSchema,
  revokeRequestSchema,
  setOfficeKindRequestSchema,
  SYNC_ERROR_STATUS,
  SYNC_HEADERS,
  type SyncErrorCode,
} from '../src-shared/sync';
import { authenticateTerminal, checkEnrollingSignature, type RawRequest } from './auth';
import type { CentralDb } from './db/client';
import { loadServerKey, type ServerKey } from './crypto';
import { createEnrollCode, enroll, revokeTerminal, signedAckOf } from './enrollment';
import { CentralError } from './errors';
import { addConsoleUser, registerConsole } from './console/console';
import { registerConsoleFeed } from './console/feed-page';
import { consoleForms } from './console/forms';
import { registerConsoleUsers } from './console/users';
import { publishFeed, reportLocalUsers } from './feed';
import { ingest } from './ingest';
import { setOfficeKind } from './offices';
import { receiveProvincePayments } from './province-payments';
import { decideApproval, importFineOrders, pullFor, receiveApprovalRequest } from './pull';

export interface CentralOptions {
  readonly db: CentralDb;
  /** Injected clock (UTC epoch ms). */
  readonly nowMs: () => number;
  /** Bearer token of the administration routes (the CLI through a running server); none: no admin routes. */
  readonly adminToken?: string | undefined;
  readonly logger?: FastifyServerOptions['logger'];
}

export interface CentralApp {
  readonly fastify: FastifyInstance;
  readonly serverKey: ServerKey;
}

/** Request ids come from fastify; personal data never reaches the log (only codes and counts do). */
export async function buildCentralApp(options: CentralOptions): Promise<CentralApp> {
  const { db, nowMs } = options;
  const serverKey = await loadServerKey(db, nowMs());
  const fastify = Fastify({ logger: options.logger ?? false, bodyLimit: MAX_BATCH_BYTES });
  // The raw bytes are what the signature covers: JSON is parsed after the check.
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const rawOf = (request: FastifyRequest): RawRequest => ({ method: request.method, url: request.url, headers: request.headers, body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0) });
  const ok = (reply: FastifyReply, value: unknown) => reply.code(200).send({ ok: true, value });

  fastify.setErrorHandler((error, request, reply) => {
    const coded = toCentralError(error);
    if (coded.code === 'INTERNAL') request.log.error({ err: error }, 'internal error');
    else request.log.info({ code: coded.code }, 'refused');
    const body = { code: coded.code, message: coded.message, ...(coded.highWaterSeq === undefined ? {} : { highWaterSeq: coded.highWaterSeq }) };
    return reply.code(SYNC_ERROR_STATUS[coded.code]).send({ ok: false, error: body });
  });
  fastify.setNotFoundHandler((_request, reply) => reply.code(404).send({ ok: false, error: { code: 'NOT_FOUND', message: 'No such route' } }));

  fastify.get('/health', async (_request, reply) => {
    await db.query('SELECT 1');
    return ok(reply, { status: 'ok', database: db.kind });
  });

  fastify.post('/v1/enroll', { bodyLimit: MAX_SMALL_BODY_BYTES }, async (request, reply) => {
    const raw = rawOf(request);
    const body = parseBody(raw.body, enrollRequestSchema);
    if (request.headers[SYNC_HEADERS.keyId] !== ENROLLING_KEY_ID) throw new CentralError('UNSIGNED', `An enrollment is signed with key id "${ENROLLING_KEY_ID}" and the key it enrolls`);
    checkEnrollingSignature(raw, body.publicKeySpkiBase64, nowMs());
    const result = await enroll(db, serverKey, body, nowMs());
    request.log.info({ terminal: `${result.place}-${result.terminalSlot}`, keyId: result.keyId }, 'enrolled');
    return ok(reply, result);
  });

  fastify.post('/v1/push', async (request, reply) => {
    const raw = rawOf(request);
    const by = await authenticateTerminal(db, raw, nowMs());
    const body = parseBody(raw.body, pushRequestSchema);
    const result = await ingest(db, serverKey, by, body, nowMs());
    request.log.info({ terminal: by.terminalId, accepted: result.accepted, repeated: result.repeated, highWater: result.signedAck.ack.highWaterSeq }, 'push');
    return ok(reply, result);
  });

  fastify.get('/v1/status', async (request, reply) => {
    const by = await authenticateTerminal(db, rawOf(request), nowMs());
    return ok(reply, { signedAck: await signedAckOf(db, serverKey, by.terminalId, by.keyId, nowMs()) });
  });

  fastify.post('/v1/approval-requests', { bodyLimit: MAX_SMALL_BODY_BYTES }, async (request, reply) => {
    const raw = rawOf(request);
    const by = await authenticateTerminal(db, raw, nowMs());
    return ok(reply, await receiveApprovalRequest(db, by, parseBody(raw.body, approvalRequestSchema), nowMs()));
  });

  fastify.get('/v1/pull', async (request, reply) => {
    const by = await authenticateTerminal(db, rawOf(request), nowMs());
    const query = request.query as Record<string, string | undefined>;
    const cursor = (name: string): number => {
      const value = query[name] ?? '0';
      if (!/^\d{1,15}$/.test(value)) throw new CentralError('BAD_INPUT', `${name} is a non-negative integer`);
      return Number(value);
    };
    return ok(reply, await pullFor(db, by, cursor('approvalsAfter'), cursor('fineOrdersAfter'), cursor('feedAfter')));
  });

  fastify.post('/v1/local-users', { bodyLimit: MAX_SMALL_BODY_BYTES * 8 }, async (request, reply) => {
    const raw = rawOf(request);
    const by = await authenticateTerminal(db, raw, nowMs());
    return ok(reply, await reportLocalUsers(db, by, parseBody(raw.body, localUserReportSchema).users, nowMs()));
  });

  fastify.post('/v1/province-payments', { bodyLimit: MAX_BATCH_BYTES }, async (request, reply) => {
    const raw = rawOf(request);
    const by = await authenticateTerminal(db, raw, nowMs());
    const result = await receiveProvincePayments(db, by, parseBody(raw.body, provincePaymentsRequestSchema).payments, nowMs());
    request.log.info({ terminal: by.terminalId, published: result.published, duplicates: result.duplicates }, 'province payments');
    return ok(reply, result);
  });

  const requireAdmin = (request: FastifyRequest): void => {
    const given = Buffer.from(request.headers.authorization ?? '');
    const expected = Buffer.from(`Bearer ${options.adminToken ?? ''}`);
    if (options.adminToken === undefined || given.length !== expected.length || !timingSafeEqual(given, expected)) throw new CentralError('ADMIN_ONLY', 'This needs the administrator token');
  };
  fastify.post('/admin/enroll-codes', { bodyLimit: MAX_SMALL_BODY_BYTES }, async (request, reply) => {
    requireAdmin(request);
    const body = parseBody(rawOf(request).body, enrollCodeRequestSchema);
    return ok(reply, await createEnrollCode(db, nowMs(), body.place, body.terminalSlot));
  });
  fastify.post('/admin/revoke', { bodyLimit: MAX_SMALL_BODY_BYTES }, async (request, reply) => {
    requireAdmin(request);
    const body = parseBody(rawOf(request).body, revokeRequestSchema);
    return ok(reply, await revokeTerminal(db, body.place, body.terminalSlot, nowMs()));
  });

  fastify.post('/admin/approval-requests/decide', { bodyLimit: MAX_SMALL_BODY_BYTES }, async (request, reply) => {
    requireAdmin(request);
    return ok(reply, await decideApproval(db, parseBody(rawOf(request).body, decideApprovalRequestSchema), nowMs()));
  });
  fastify.post('/admin/fine-orders/import', { bodyLimit: MAX_BATCH_BYTES * 8 }, async (request, reply) => {
    requireAdmin(request);
    return ok(reply, await importFineOrders(db, parseBody(rawOf(request).body, importFineOrdersRequestSchema).csvText, nowMs()));
  });

  fastify.post('/admin/feed', { bodyLimit: MAX_BATCH_BYTES * 8 }, async (request, reply) => {
    requireAdmin(request);
    const body = parseBody(rawOf(request).body, publishFeedRequestSchema);
    return ok(reply, await publishFeed(db, body.place, body.items, nowMs(), body.approvedBy ?? 'admin-token'));
  });

  fastify.post('/admin/console-users', { bodyLimit: MAX_SMALL_BODY_BYTES }, async (request, reply) => {
    requireAdmin(request);
    const body = parseBody(rawOf(request).body, addConsoleUserRequestSchema);
    await addConsoleUser(db, body, nowMs());
    return ok(reply, { username: body.username });
  });
  fastify.post('/admin/offices/kind', { bodyLimit: MAX_SMALL_BODY_BYTES }, async (request, reply) => {
    requireAdmin(request);
    return ok(reply, await setOfficeKind(db, parseBody(rawOf(request).body, setOfficeKindRequestSchema), nowMs()));
  });
  const forms = consoleForms(db, nowMs);
  registerConsole(fastify, db, nowMs, forms);
  registerConsoleUsers(fastify, db, nowMs, forms);
  registerConsoleFeed(fastify, db, nowMs, forms);

  await fastify.ready();
  return { fastify, serverKey };
}

function parseBody<S extends z.ZodType>(raw: Buffer, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new CentralError('BAD_INPUT', 'The body is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new CentralError('BAD_INPUT', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ').slice(0, 1000));
  return parsed.data;
}

function toCentralError(error: unknown): CentralError {
  if (error instanceof CentralError) return error;
  const fastifyCode = (error as { code?: string }).code;
  const codes: Readonly<Record<string, SyncErrorCode>> = {
    FST_ERR_CTP_BODY_TOO_LARGE: 'TOO_LARGE',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'BAD_INPUT',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_INPUT',
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_INPUT',
  };
  const code = fastifyCode === undefined ? undefined : codes[fastifyCode];
  return new CentralError(code ?? 'INTERNAL', code === undefined ? 'The server failed; try again later' : (error as Error).message);
}
