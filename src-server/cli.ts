import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  addConsoleUserResponseSchema,
  CENTRAL_OFFICE_KINDS,
  CONSOLE_USER_ROLES,
  enrollCodeResponseSchema,
  MAX_BATCH_BYTES,
  publishFeedRequestSchema,
  publishFeedResponseSchema,
  replySchema,
  revokeResponseSchema,
  setOfficeKindResponseSchema,
} from '../src-shared/sync';
import { addConsoleUser } from './console/console';
import { buildCentralApp } from './app';
import { openCentralDb, type CentralDb } from './db/client';
import { createEnrollCode, revokeTerminal } from './enrollment';
import { CentralError } from './errors';
import { publishFeed } from './feed';
import { setOfficeKind } from './offices';

/**
 * `ebill-central [--data-dir DIR] [--json] enroll-code --place 5401 --slot 1 | revoke --place P --slot S | feed publish --file F [--place P] | office set-kind --place P --kind K | serve [--port N]`
 * (cli.md "The central server"). PGlite allows one connection: while `serve` holds a data folder it
 * writes `server.json` there (its URL and an administrator token, readable by its owner only), and
 * the other commands go through the running server instead of opening the database.
 */
const USAGE = `ebill-central [--data-dir DIR] [--json] <command>
  enroll-code --place 5401 --slot 1   one-time enrollment code for that terminal
  revoke --place 5401 --slot 1        revokes the terminal's key
  console-user --username U --name-th NAME --role supervisor|executive|admin --password-stdin
  feed publish --file F [--place P]   publishes a JSON array of feed bodies (for office P, else every office)
  office set-kind --place 5400 --kind provincial|district [--name-th NAME]
                                      the office registry: the province's provincial office remits its bill payments
  serve [--port N] [--host H]         runs the server (PGlite in DIR, or DATABASE_URL)
Exit codes: 0 ok · 1 internal error · 2 usage · 3 refused.`;

const EXIT = { ok: 0, internal: 1, usage: 2, refused: 3 } as const;
const DEFAULT_PORT = 8787;
const SERVER_FILE = 'server.json';
const ADMIN_CALL_TIMEOUT_MS = 10_000;

class UsageError extends Error {}

const serverFileSchema = z.strictObject({ pid: z.number().int(), url: z.string().url(), adminToken: z.string().min(16) });
type ServerFile = z.infer<typeof serverFileSchema>;

export interface CentralCliIo {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

function defaultDataDir(env: NodeJS.ProcessEnv): string {
  return env.EBILL_CENTRAL_DATA_DIR ?? join(homedir(), '.local', 'share', 'ebill-central');
}

/** DATABASE_URL unset or empty: PGlite in the data folder. */
const usesPglite = (env: NodeJS.ProcessEnv): boolean => env.DATABASE_URL === undefined || env.DATABASE_URL === '';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The running server holding this data folder, if any (a file left by a killed server is ignored). */
function runningServer(dataDir: string): ServerFile | undefined {
  const file = join(dataDir, SERVER_FILE);
  if (!existsSync(file)) return undefined;
  const parsed = serverFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success && isAlive(parsed.data.pid) ? parsed.data : undefined;
}

async function withDb<T>(dataDir: string, env: NodeJS.ProcessEnv, work: (db: CentralDb) => Promise<T>): Promise<T> {
  const db = await openCentralDb({ databaseUrl: env.DATABASE_URL, pgliteDir: join(dataDir, 'pgdata') });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function adminCall<S extends z.ZodType>(server: ServerFile, path: string, body: unknown, schema: S): Promise<z.infer<S>> {
  let json: unknown;
  try {
    const response = await fetch(new URL(path, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(ADMIN_CALL_TIMEOUT_MS),
    });
    json = await response.json();
  } catch (error) {
    throw new CentralError('INTERNAL', `The server running on this data folder (${server.url}) did not answer: ${(error as Error).message}`);
  }
  const reply = replySchema(schema).parse(json) as { ok: true; value: z.infer<S> } | { ok: false; error: { code: CentralError['code']; message: string } };
  if (!reply.ok) throw new CentralError(reply.error.code, reply.error.message);
  return reply.value;
}

function terminalOptions(rest: readonly string[]): { place: string; slot: number } {
  const { values } = parseArgs({ args: [...rest], options: { place: { type: 'string' }, slot: { type: 'string' } }, strict: true });
  if (values.place === undefined || !/^\d{4}$/.test(values.place)) throw new UsageError('--place needs a 4-digit office code');
  if (values.slot === undefined || !/^[1-9]$/.test(values.slot)) throw new UsageError('--slot needs a digit 1–9');
  return { place: values.place, slot: Number(values.slot) };
}

async function enrollCode(dataDir: string, io: CentralCliIo, rest: readonly string[]): Promise<Record<string, unknown>> {
  const { place, slot } = terminalOptions(rest);
  const server = usesPglite(io.env) ? runningServer(dataDir) : undefined;
  const made = server !== undefined ? await adminCall(server, '/admin/enroll-codes', { place, terminalSlot: slot }, enrollCodeResponseSchema) : await withDb(dataDir, io.env, (db) => createEnrollCode(db, Date.now(), place, slot));
  return { code: made.code, expiresAtMs: made.expiresAtMs, place, terminalSlot: slot, text: `${made.code}  (${place} slot ${slot}, ใช้ได้ครั้งเดียว / single use, expires ${new Date(made.expiresAtMs).toISOString()})` };
}

async function revoke(dataDir: string, io: CentralCliIo, rest: readonly string[]): Promise<Record<string, unknown>> {
  const { place, slot } = terminalOptions(rest);
  const server = usesPglite(io.env) ? runningServer(dataDir) : undefined;
  const result = server !== undefined ? await adminCall(server, '/admin/revoke', { place, terminalSlot: slot }, revokeResponseSchema) : await withDb(dataDir, io.env, (db) => revokeTerminal(db, place, slot, Date.now()));
  return { revokedKeys: result.revokedKeys, text: `revoked ${result.revokedKeys} key(s) of ${place}-${slot}` };
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trim();
}

async function consoleUser(dataDir: string, io: CentralCliIo, rest: readonly string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({ args: [...rest], options: { username: { type: 'string' }, 'name-th': { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' } }, strict: true });
  const role = CONSOLE_USER_ROLES.find((r) => r === values.role);
  if (values.username === undefined || values['name-th'] === undefined || role === undefined) throw new UsageError(`--username, --name-th and --role ${CONSOLE_USER_ROLES.join('|')} are needed`);
  if (values['password-stdin'] !== true) throw new UsageError('--password-stdin is required (passwords never go on the command line)');
  const user = { username: values.username, nameTh: values['name-th'], role, password: await readStdinLine() };
  const server = usesPglite(io.env) ? runningServer(dataDir) : undefined;
  if (server !== undefined) await adminCall(server, '/admin/console-users', user, addConsoleUserResponseSchema);
  else await withDb(dataDir, io.env, (db) => addConsoleUser(db, user, Date.now()));
  return { username: user.username, role, text: `console user ${user.username} (${role}) added` };
}

/** The largest feed file read: what `/admin/feed` accepts. */
const MAX_FEED_FILE_BYTES = MAX_BATCH_BYTES * 8;

/** `feed publish --file F [--place P]`: F is a JSON array of feed bodies, published all or nothing (src-server/feed.ts). */
async function feedCommand(dataDir: string, io: CentralCliIo, rest: readonly string[]): Promise<Record<string, unknown>> {
  const [sub, ...args] = rest;
  if (sub !== 'publish') throw new UsageError(`feed needs publish${sub === undefined ? '' : `, not "${sub}"`}`);
  const { values } = parseArgs({ args, options: { file: { type: 'string' }, place: { type: 'string' } }, strict: true });
  if (values.file === undefined || values.file === '') throw new UsageError('--file F is needed (a JSON array of feed bodies)');
  if (values.place !== undefined && !/^\d{4}$/.test(values.place)) throw new UsageError('--place needs a 4-digit office code');
  const file = values.file;
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CentralError('NOT_FOUND', `--file ${file}: there is no such file`);
  }
  if (size > MAX_FEED_FILE_BYTES) throw new CentralError('TOO_LARGE', `--file ${file}: ${size} bytes; the limit is ${MAX_FEED_FILE_BYTES}`);
  let items: unknown;
  try {
    items = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new CentralError('BAD_INPUT', `--file ${file}: not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(items)) throw new CentralError('BAD_INPUT', `--file ${file}: a JSON array of feed bodies is expected`);
  const parsed = publishFeedRequestSchema.safeParse({ place: values.place ?? null, items, approvedBy: cliUser() });
  if (!parsed.success) throw new CentralError('BAD_INPUT', `--file ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ').slice(0, 1000)}`);
  const request = parsed.data;
  const server = usesPglite(io.env) ? runningServer(dataDir) : undefined;
  const result = server !== undefined ? await adminCall(server, '/admin/feed', request, publishFeedResponseSchema) : await withDb(dataDir, io.env, (db) => publishFeed(db, request.place, request.items, Date.now(), request.approvedBy ?? cliUser()));
  return { published: result.published, duplicates: result.duplicates, text: `published ${result.published}, ${result.duplicates} already published (${request.place ?? 'every office'})` };
}

/** Who the CLI says set a kind: the login running it (the data folder's owner, or the holder of the server's token). */
function cliUser(): string {
  try {
    return `cli:${userInfo().username}`.slice(0, 100);
  } catch {
    return 'cli';
  }
}

async function office(dataDir: string, io: CentralCliIo, rest: readonly string[]): Promise<Record<string, unknown>> {
  const [sub, ...options] = rest;
  if (sub !== 'set-kind') throw new UsageError(sub === undefined ? 'office needs a subcommand: set-kind' : `unknown office subcommand "${sub}"`);
  const { values } = parseArgs({ args: options, options: { place: { type: 'string' }, kind: { type: 'string' }, 'name-th': { type: 'string' } }, strict: true });
  if (values.place === undefined || !/^\d{4}$/.test(values.place)) throw new UsageError('--place needs a 4-digit office code');
  const kind = CENTRAL_OFFICE_KINDS.find((k) => k === values.kind);
  if (kind === undefined) throw new UsageError(`--kind is ${CENTRAL_OFFICE_KINDS.join('|')}`);
  const input = { place: values.place, kind, setBy: cliUser(), ...(values['name-th'] === undefined ? {} : { nameTh: values['name-th'] }) };
  const server = usesPglite(io.env) ? runningServer(dataDir) : undefined;
  const set = server !== undefined ? await adminCall(server, '/admin/offices/kind', input, setOfficeKindResponseSchema) : await withDb(dataDir, io.env, (db) => setOfficeKind(db, input, Date.now()));
  const text = set.changed ? `${set.place} is now ${set.kind} (province ${set.province})` : `${set.place} was already ${set.kind} (province ${set.province}): nothing changed`;
  return { place: set.place, province: set.province, kind: set.kind, nameTh: set.nameTh, changed: set.changed, setBy: set.setBy, setAtMs: set.setAtMs, text };
}

async function serve(dataDir: string, io: CentralCliIo, rest: readonly string[]): Promise<never> {
  const { values } = parseArgs({ args: [...rest], options: { port: { type: 'string' }, host: { type: 'string' } }, strict: true });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port needs a number 0–65535');
  const other = usesPglite(io.env) ? runningServer(dataDir) : undefined;
  if (other !== undefined) throw new CentralError('BAD_INPUT', `A server already runs on this data folder at ${other.url} (pid ${other.pid})`);
  mkdirSync(dataDir, { recursive: true });
  const db = await openCentralDb({ databaseUrl: io.env.DATABASE_URL, pgliteDir: join(dataDir, 'pgdata') });
  const adminToken = randomBytes(24).toString('base64url');
  const { fastify } = await buildCentralApp({ db, nowMs: Date.now, adminToken, logger: { level: io.env.EBILL_CENTRAL_LOG_LEVEL ?? 'info', stream: io.err } });
  const url = await fastify.listen({ port, host: values.host ?? '127.0.0.1' });
  const serverFile = join(dataDir, SERVER_FILE);
  writeFileSync(serverFile, JSON.stringify({ pid: process.pid, url, adminToken } satisfies ServerFile), { mode: 0o600 });
  io.out.write(`EBILL_CENTRAL_URL=${url}\n`);
  const stop = () => {
    rmSync(serverFile, { force: true });
    void fastify.close().then(() => db.close()).finally(() => process.exit(EXIT.ok));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<never>(() => undefined);
}

export async function runCentralCli(argv: readonly string[], io: CentralCliIo = { out: process.stdout, err: process.stderr, env: process.env }): Promise<number> {
  let json = false;
  try {
    let dataDir: string | undefined;
    let i = 0;
    for (; i < argv.length; i += 1) {
      const arg = argv[i];
      if (arg === '--json') json = true;
      else if (arg === '--data-dir') {
        dataDir = argv[i + 1];
        if (dataDir === undefined) throw new UsageError('--data-dir needs a folder');
        i += 1;
      } else if (arg === '--help' || arg === '-h') {
        io.out.write(`${USAGE}\n`);
        return EXIT.ok;
      } else break;
    }
    const command = argv[i];
    const rest = argv.slice(i + 1);
    const dir = dataDir ?? defaultDataDir(io.env);
    let result: Record<string, unknown>;
    if (command === 'enroll-code') result = await enrollCode(dir, io, rest);
    else if (command === 'revoke') result = await revoke(dir, io, rest);
    else if (command === 'console-user') result = await consoleUser(dir, io, rest);
    else if (command === 'feed') result = await feedCommand(dir, io, rest);
    else if (command === 'office') result = await office(dir, io, rest);
    else if (command === 'serve') return await serve(dir, io, rest);
    else throw new UsageError(command === undefined ? 'a command is needed' : `unknown command "${command}"`);
    const { text, ...fields } = result;
    io.out.write(json ? `${JSON.stringify({ ok: true, ...fields })}\n` : `${typeof text === 'string' ? text : JSON.stringify(fields)}\n`);
    return EXIT.ok;
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    const code = usage ? 'USAGE' : error instanceof CentralError ? error.code : 'INTERNAL';
    const message = (error as Error).message;
    if (json) io.out.write(`${JSON.stringify({ ok: false, error: { code, message } })}\n`);
    else io.err.write(`ebill-central: ${code}: ${message}${usage ? `\n${USAGE}` : ''}\n`);
    return usage ? EXIT.usage : code === 'INTERNAL' ? EXIT.internal : EXIT.refused;
  }
}
