import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestInput } from '../../src-shared/contract';
import type { LedgerDeps } from '../../src-main/ledger/action';
import { readHead } from '../../src-main/ledger/chain';
import { enrollTerminal } from '../../src-main/sync/client';
import { DEFAULT_RETRY, type RetryPolicy } from '../../src-main/sync/retry';
import { BACKGROUND_SYNC, nodeTimers, type SyncTimers } from '../../src-main/sync/scheduler';
import { createEnrollCode } from '../../src-server/enrollment';
import { startTestCentral, type TestCentral } from '../helpers/central';
import { client, expectOk, loginAs, makeSetUpOffice, makeTestOffice, PASSWORD, SETUP_INPUT, type TestOffice } from '../helpers/office';

/**
 * The background sync of the office host (issue 11): an enrolled terminal's receipts reach central
 * with no explicit push; an unreachable central makes the backoff grow while receipts still issue;
 * central back, everything arrives once; close leaves no timer. Timers are fired by hand.
 */

const FAST_RETRY: RetryPolicy = { ...DEFAULT_RETRY, baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 2 };
const REQUEST = { payerName: 'นายสมหมาย ทดสอบ', revenueCode: '804001', amountSatang: 150_000 } satisfies RequestInput<'request.create'>;

/** Timers a test fires by hand; `live` counts those set and not cleared or fired. */
function manualTimers(): SyncTimers & { readonly live: Map<number, { run: () => void; ms: number }>; only(): { ms: number; fire(): void } } {
  const live = new Map<number, { run: () => void; ms: number }>();
  let next = 0;
  return {
    live,
    set: (run, ms) => {
      next += 1;
      live.set(next, { run, ms });
      return next;
    },
    clear: (handle) => void live.delete(handle as number),
    only() {
      expect(live.size).toBe(1);
      const [[id, timer]] = [...live.entries()] as [[number, { run: () => void; ms: number }]];
      return {
        ms: timer.ms,
        fire: () => {
          live.delete(id);
          timer.run();
        },
      };
    },
  };
}

/** A TCP proxy in front of central that can be cut (every connection reset, new ones refused) and restored. */
async function cuttableProxy(targetPort: number): Promise<{ url: string; cut(): void; restore(): void; hang(): Promise<void>; close(): Promise<void> }> {
  let isCut = false;
  /** Set by hang(): the next connection is held open with no answer, and this is called. */
  let onHeld: (() => void) | null = null;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    if (isCut) return void socket.destroy();
    if (onHeld !== null) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      onHeld();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [socket, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    socket.pipe(upstream).pipe(socket);
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut: () => {
      isCut = true;
      for (const s of sockets) s.destroy();
    },
    restore: () => {
      isCut = false;
    },
    hang: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        onHeld = resolve;
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

let central: TestCentral;
let proxy: Awaited<ReturnType<typeof cuttableProxy>>;
let office: TestOffice;
const timers = manualTimers();
const operator = client('background-operator');

const depsOf = (o: TestOffice): LedgerDeps => ({ sqlite: o.host.services.database.sqlite, clock: o.clock, machineId: o.host.services.machineId });
const sync = () => {
  const background = office.host.services.backgroundSync;
  if (background === undefined) throw new Error('the host runs no background sync');
  return background;
};
/** Fires the one armed timer (the clock moves to its time) and waits for the round it starts. */
async function fireRound(): Promise<number> {
  const timer = timers.only();
  office.clock.advanceMs(timer.ms);
  timer.fire();
  await sync().runNow();
  return timer.ms;
}
async function issueReceipt(): Promise<void> {
  const request = await expectOk(office.call(operator, 'request.create', REQUEST));
  await expectOk(office.call(operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'cash' } }));
}
const centralEntries = async () =>
  (await central.db.query<{ n: number; seqs: number; top: number | null }>('SELECT count(*)::int AS n, count(DISTINCT seq)::int AS seqs, max(seq)::int AS top FROM entries WHERE terminal_id = $1', ['5401-1']))[0];

beforeAll(async () => {
  office = await makeSetUpOffice({ backgroundSync: { timers, random: () => 0.5, retry: FAST_RETRY } });
  central = await startTestCentral('pglite', office.clock.nowMs());
  // Central's clock follows the office's manual clock, so signatures fall inside its window.
  Object.defineProperty(central.clock, 'nowMs', { get: () => office.clock.nowMs(), set: () => undefined });
  const centralUrl = new URL(await central.app.fastify.listen({ port: 0, host: '127.0.0.1' }));
  proxy = await cuttableProxy(Number(centralUrl.port));
  await loginAs(office, operator, 'operator');
}, 60_000);
afterAll(async () => {
  office?.close();
  await proxy?.close();
  await central?.close();
});

describe('background sync in the office host', () => {
  it('not enrolled: the first round does nothing and the next check is one interval away', async () => {
    expect(timers.only().ms).toBe(BACKGROUND_SYNC.firstRoundDelayMs);
    await fireRound();
    expect(sync().state()).toMatchObject({ lastRoundAtMs: null, lastErrorCode: null, failures: 0 });
    expect(timers.only().ms).toBe(BACKGROUND_SYNC.intervalMs);
    expect(office.host.services.database.sqlite.prepare('SELECT count(*) AS n FROM central_acks').get()).toEqual({ n: 0 });
  });

  it('enrolled: receipts issued at the counter reach central with no explicit push; the nudge is debounced to one timer', async () => {
    const { code } = await createEnrollCode(central.db, office.clock.nowMs(), '5401', 1);
    await enrollTerminal(depsOf(office), proxy.url, code, FAST_RETRY);
    await issueReceipt();
    // The commands' nudges brought the round to nudgeDelayMs; three more commands leave one timer.
    expect(timers.only().ms).toBe(BACKGROUND_SYNC.nudgeDelayMs);
    await issueReceipt();
    await issueReceipt();
    expect(timers.only().ms).toBe(BACKGROUND_SYNC.nudgeDelayMs);
    const localSeq = readHead(office.host.services.database.sqlite).seq;
    expect((await expectOk(office.call(operator, 'sync.status', {}))).pending).toBeGreaterThan(0);

    await fireRound();

    expect(await centralEntries()).toEqual({ n: localSeq, seqs: localSeq, top: localSeq });
    const status = await expectOk(office.call(operator, 'sync.status', {}));
    expect(status).toMatchObject({ isEnrolled: true, pending: 0, centralHighWater: localSeq });
    expect(status.background).toEqual({
      isRoundRunning: false,
      lastRoundAtMs: office.clock.nowMs(),
      lastSuccessAtMs: office.clock.nowMs(),
      lastErrorCode: null,
      failures: 0,
      nextAttemptAtMs: office.clock.nowMs() + BACKGROUND_SYNC.intervalMs,
    });
    expect(timers.only().ms).toBe(BACKGROUND_SYNC.intervalMs);
  });

  it('central unreachable: each failed round waits longer (capped), the state shows SYNC_UNREACHABLE, receipts still issue and nudges keep the backoff', async () => {
    const before = await centralEntries();
    proxy.cut();
    await issueReceipt();
    const delays: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      await fireRound();
      delays.push(timers.only().ms);
      // The counter is not held up by central being away, and does not shorten the backoff.
      await issueReceipt();
      expect(timers.only().ms).toBe(delays[delays.length - 1]);
    }
    // Full jitter at 0.5 over min(5 min, 30 s × 2^failures).
    expect(delays).toEqual([30_000, 60_000, 120_000, 150_000, 150_000]);
    const status = await expectOk(office.call(operator, 'sync.status', {}));
    expect(status.background).toMatchObject({ lastErrorCode: 'SYNC_UNREACHABLE', failures: 5, nextAttemptAtMs: office.clock.nowMs() + 150_000 });
    expect(status.pending).toBe(readHead(office.host.services.database.sqlite).seq - status.centralHighWater);
    expect(status.pending).toBeGreaterThan(0);
    expect(await centralEntries()).toEqual(before);
    expect(office.logger.lines.filter((l) => l.message === 'background sync round failed' && l.fields['code'] === 'SYNC_UNREACHABLE')).toHaveLength(5);
  });

  it('central back: the next round delivers everything once; the state clears and the interval is back to normal', async () => {
    proxy.restore();
    await fireRound();
    const localSeq = readHead(office.host.services.database.sqlite).seq;
    expect(await centralEntries()).toEqual({ n: localSeq, seqs: localSeq, top: localSeq });
    const status = await expectOk(office.call(operator, 'sync.status', {}));
    expect(status).toMatchObject({ pending: 0, centralHighWater: localSeq });
    expect(status.background).toMatchObject({ lastErrorCode: null, failures: 0, lastSuccessAtMs: office.clock.nowMs() });
    expect(timers.only().ms).toBe(BACKGROUND_SYNC.intervalMs);
    // A second round has nothing to send and sends nothing twice.
    await fireRound();
    expect(await centralEntries()).toEqual({ n: localSeq, seqs: localSeq, top: localSeq });
  });

  it('close: a request under way to a central that does not answer is aborted, the timer is cleared, no round starts afterwards, nudges do nothing', async () => {
    const background = sync();
    const held = proxy.hang();
    await issueReceipt();
    const timer = timers.only();
    office.clock.advanceMs(timer.ms);
    timer.fire();
    await held;
    expect(background.state().isRoundRunning).toBe(true);
    const failuresLogged = office.logger.lines.filter((l) => l.message.startsWith('background sync')).length;
    // Without the abort this would wait for the request's 30 s timeout.
    await office.host.closeWhenIdle();
    expect(background.state().isRoundRunning).toBe(false);
    expect(office.logger.lines.filter((l) => l.message.startsWith('background sync'))).toHaveLength(failuresLogged);
    expect(timers.live.size).toBe(0);
    expect(background.state().nextAttemptAtMs).toBeNull();
    background.nudge();
    expect(timers.live.size).toBe(0);
    expect(await background.runNow()).toBe('idle');
  });
});

describe('background sync with Node timers', () => {
  it('a host with the default timers holds exactly one timer and none once closed; a host without the option (the CLI) has none', async () => {
    let live = 0;
    const counted: SyncTimers = {
      set: (run, ms) => {
        live += 1;
        return nodeTimers.set(() => {
          live -= 1;
          run();
        }, ms);
      },
      clear: (handle) => {
        live -= 1;
        nodeTimers.clear(handle);
      },
    };
    const withSync = await makeSetUpOffice({ backgroundSync: { timers: counted } });
    expect(live).toBe(1);
    // A login writes no ledger entry: the nudge it brings changes nothing.
    expect(await expectOk(withSync.call(client('login'), 'session.login', { username: 'auditor', password: PASSWORD }))).toBeDefined();
    withSync.host.services.backgroundSync?.nudge();
    expect(live).toBe(1);
    await withSync.host.closeWhenIdle();
    expect(live).toBe(0);
    withSync.close();
    const cliLike = await makeSetUpOffice();
    expect(cliLike.host.services.backgroundSync).toBeUndefined();
    await loginAs(cliLike, client('cli-like'), 'auditor');
    expect((await expectOk(cliLike.call(client('cli-like'), 'sync.status', {}))).background).toBeUndefined();
    cliLike.close();
  });
});

describe('background sync and training', () => {
  it('a training database cannot enroll (NOT_TRAINING, nothing stored) and its rounds do nothing', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'ebill-bg-training-'));
    const trainingTimers = manualTimers();
    const training = makeTestOffice({ dataDir: join(parent, 'training'), backgroundSync: { timers: trainingTimers } });
    try {
      await expectOk(training.call(client('training-admin'), 'setup.init', { ...SETUP_INPUT, isTraining: true }));
      await expect(enrollTerminal(depsOf(training), 'http://127.0.0.1:9', 'AAAAA-AAAAA', FAST_RETRY)).rejects.toMatchObject({ code: 'NOT_TRAINING' });
      expect(training.host.services.database.sqlite.prepare('SELECT count(*) AS n FROM sync_enrollments').get()).toEqual({ n: 0 });
      trainingTimers.only().fire();
      expect(await training.host.services.backgroundSync?.runNow()).toBe('idle');
      expect(training.host.services.backgroundSync?.state()).toMatchObject({ lastRoundAtMs: null, lastErrorCode: null, failures: 0 });
    } finally {
      await training.host.closeWhenIdle();
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
