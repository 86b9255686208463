import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOfficeDatabase } from '../../src-main/db/open';
import type { LedgerDeps } from '../../src-main/ledger/action';
import { createRequest, DEFAULT_CATALOG } from '../../src-main/ledger/requests';
import { rebindTerminal } from '../../src-main/ledger/terminal';
import { verifyLedger } from '../../src-main/ledger/verify';
import { manualClock } from '../../src-main/platform/clock';
import { memoryLogger } from '../../src-main/platform/logger';
import { enrollTerminal, pushOutbox } from '../../src-main/sync/client';
import { DEFAULT_RETRY, type RetryPolicy } from '../../src-main/sync/retry';
import { syncStatus } from '../../src-main/sync/status';
import { createEnrollCode } from '../../src-server/enrollment';
import { startTestCentral, type TestCentral } from '../helpers/central';
import { T0_MS } from '../helpers/office';
import { issueCashReceipts, setUpSyncTerminal, type SyncTerminal } from '../helpers/sync-terminal';

/**
 * A database restored behind central's high-water mark (issue 11, design.md "Identity and
 * numbering"): central's signed mark tells the terminal, which refuses to issue numbers under that
 * slot until an administrator re-binds it — no tamper alarm for an honest restore. And the other
 * way round: central that lacks entries it once acknowledged gets them resent from its own mark.
 */
const clock = manualClock(T0_MS);
const RETRY: RetryPolicy = { ...DEFAULT_RETRY, baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 };
let central: TestCentral;
let dir: string;
let t: SyncTerminal;
let url = '';

beforeAll(async () => {
  central = await startTestCentral('pglite', T0_MS);
  Object.defineProperty(central.clock, 'nowMs', { get: () => clock.nowMs(), set: () => undefined });
  url = await central.app.fastify.listen({ port: 0, host: '127.0.0.1' });
  dir = mkdtempSync(join(tmpdir(), 'ebill-sync-behind-'));
  t = await setUpSyncTerminal(join(dir, 't1'), 1, clock);
  const { code } = await createEnrollCode(central.db, clock.nowMs(), '5401', 1);
  await enrollTerminal(t.deps, url, code, RETRY);
}, 60_000);
afterAll(async () => {
  t?.close();
  await central?.close();
  rmSync(dir, { recursive: true, force: true });
});

function tableCounts(deps: LedgerDeps): string {
  return JSON.stringify(['ledger_entries', 'receipts', 'payment_requests', 'central_acks'].map((name) => deps.sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get()));
}

describe('restored behind central', () => {
  it('central-lacks-entries: central that lost what it acknowledged is sent them again from its own mark', async () => {
    const t2 = await setUpSyncTerminal(join(dir, 't2'), 2, clock);
    try {
      const { code } = await createEnrollCode(central.db, clock.nowMs(), '5401', 2);
      await enrollTerminal(t2.deps, url, code, RETRY);
      issueCashReceipts(t2, 4);
      const first = await pushOutbox(t2.deps, { retry: RETRY });
      expect(first.highWaterSeq).toBe(first.localSeq);
      // Central restored from its own older backup: it holds entries 1..3 of this chain only.
      const terminalId = (await central.db.query<{ id: string }>(`SELECT id FROM terminals WHERE place = '5401' AND slot = 2`))[0]?.id;
      const [at3] = await central.db.query<{ hash: string; satang: number }>(
        `SELECT hash, (SELECT coalesce(sum(r.amount_satang), 0)::bigint FROM entries e JOIN central_receipts r ON r.terminal_id = e.terminal_id AND r.seq = e.seq
                        WHERE e.terminal_id = $1 AND e.seq <= 3 AND e.kind = 'receipt.issued') AS satang FROM entries WHERE terminal_id = $1 AND seq = 3`,
        [terminalId],
      );
      // A restored database has neither the later entries nor the facts read from them.
      for (const table of ['entries', 'central_receipts', 'central_confirmations', 'central_cancellations', 'central_remittances', 'central_day_closes', 'central_outages']) {
        await central.db.query(`DELETE FROM ${table} WHERE terminal_id = $1 AND seq > 3`, [terminalId]);
      }
      await central.db.query('UPDATE day_completeness SET entry_count = 3, receipts_satang = $2, last_seq = 3, head_hash = $3 WHERE terminal_id = $1', [terminalId, at3?.satang, at3?.hash]);
      await central.db.query('UPDATE terminals SET high_water_seq = 3, head_hash = $2 WHERE id = $1', [terminalId, at3?.hash]);
      const again = await pushOutbox(t2.deps, { retry: RETRY });
      expect(again).toMatchObject({ sent: first.localSeq - 3, highWaterSeq: first.localSeq });
      expect(await central.db.query('SELECT count(*)::int AS n FROM entries WHERE terminal_id = $1', [terminalId])).toEqual([{ n: first.localSeq }]);
      expect(await central.db.query('SELECT kind FROM alarms')).toEqual([]);
    } finally {
      t2.close();
    }
  });

  it('terminal-restored-behind: central tells its mark; SYNC_BEHIND_CENTRAL, no alarm, no numbers until re-bound', async () => {
    const backupFile = join(dir, 'older.sqlite');
    t.deps.sqlite.exec(`VACUUM INTO '${backupFile}'`);
    issueCashReceipts(t, 3);
    const pushed = await pushOutbox(t.deps, { retry: RETRY });
    t.close();
    // Restore the older copy on the same machine (the -wal/-shm of the newer one go with it).
    const file = join(dir, 't1', 'ebill.sqlite');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
    const restored = openOfficeDatabase({ file: backupFile, backupDir: join(dir, 'backups'), clock, logger: memoryLogger() });
    restored.sqlite.exec(`VACUUM INTO '${file}'`);
    restored.close();
    const database = openOfficeDatabase({ file, backupDir: join(dir, 't1', 'backups'), clock, logger: memoryLogger() });
    t = { ...t, database, deps: { sqlite: database.sqlite, clock, machineId: t.deps.machineId }, close: () => database.close() };
    const localSeq = syncStatus(t.deps.sqlite).localSeq;
    expect(localSeq).toBeLessThan(pushed.highWaterSeq);

    const alarmsBefore = await central.db.query('SELECT id FROM alarms');
    await expect(pushOutbox(t.deps, { retry: RETRY })).rejects.toMatchObject({ code: 'SYNC_BEHIND_CENTRAL', message: expect.stringContaining(`up to entry ${pushed.highWaterSeq}`) });
    expect(await central.db.query('SELECT id FROM alarms')).toEqual(alarmsBefore);
    expect(t.deps.sqlite.prepare('SELECT terminal_slot AS slot, local_seq AS l, central_high_water_seq AS c FROM sync_behind_central').all()).toEqual([{ slot: 1, l: localSeq, c: pushed.highWaterSeq }]);

    const before = tableCounts(t.deps);
    expect(() => createRequest(t.deps, DEFAULT_CATALOG, t.adminId, { payerName: 'นายทดสอบ หลังกู้คืน', revenueCode: '804001', amountSatang: 10_000 })).toThrow(
      expect.objectContaining({ code: 'SYNC_BEHIND_CENTRAL' }),
    );
    expect(tableCounts(t.deps)).toBe(before);

    // An administrator re-binds it to a free slot: it issues again, under the new slot.
    rebindTerminal(t.deps, t.adminId, 3, 'กู้คืนจากสำเนาเก่า ส่วนกลางมีข้อมูลมากกว่า');
    const request = createRequest(t.deps, DEFAULT_CATALOG, t.adminId, { payerName: 'นายทดสอบ หลังผูกใหม่', revenueCode: '804001', amountSatang: 10_000 });
    expect(request.ref1.slice(9, 10)).toBe('3');
    expect(verifyLedger(t.deps.sqlite).problems).toEqual([]);
  });
});
