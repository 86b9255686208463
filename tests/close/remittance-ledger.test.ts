import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src-main/ledger/verify';
import { makeCloseOffice, type CloseOffice } from './close-helpers';

/**
 * Deduction rates and remittance records are ledger rows since migration 0019 (issue 10, decision
 * 0003): each is written by its own entry, hashed into the chain, so `ledger verify` finds one
 * changed behind the triggers' back; a row without its entry is refused by the database.
 */
const DAY = '2026-11-23';
const at = (date: string, hhmm: string) => Date.parse(`${date}T${hhmm}:00+07:00`);

describe('deduction rates and remittances in the hash chain', () => {
  let office: CloseOffice;
  const sqlite = () => office.host.services.database.sqlite;
  const kinds = () => (sqlite().prepare(`SELECT kind FROM ledger_entries ORDER BY seq`).all() as { kind: string }[]).map((r) => r.kind);
  beforeEach(async () => {
    office = await makeCloseOffice();
    office.clock.setMs(at(DAY, '10:00'));
  });
  afterEach(() => office.close());

  it('each rate and remittance is one entry whose payload is its row; the chain verifies', async () => {
    await office.as(office.admin, 'remittance.setRate', { revenueCode: '804001', rewardBasisPoints: 1_000, costBasisPoints: 500 });
    await office.printedReceipt({ amountSatang: 10_001 });
    office.clock.setMs(at('2026-11-24', '09:00'));
    const record = await office.as(office.finance, 'remittance.record', { businessDate: DAY, scope: 'cash', bankReference: 'KTB-0001', remittedAtMs: at('2026-11-24', '08:55') });
    expect(kinds().filter((k) => k === 'deduction-rate.set' || k === 'remittance.recorded')).toEqual(['deduction-rate.set', 'remittance.recorded']);
    const row = sqlite().prepare(`SELECT r.id, r.entry_seq AS seq, l.kind FROM remittances r JOIN ledger_entries l ON l.seq = r.entry_seq`).get();
    expect(row).toMatchObject({ id: record.id, kind: 'remittance.recorded' });
    expect(record).toMatchObject({ amountSatang: 10_001 - 1_000 - 500, deductedSatang: 1_500 });
    const report = await office.as(office.auditor, 'ledger.verify', {});
    expect(report.problems).toEqual([]);
    expect(report.entries).toBe(kinds().length);
    // A refused remittance writes no entry either.
    const entries = kinds().length;
    expect(await office.call(office.finance, 'remittance.record', { businessDate: DAY, scope: 'cash', bankReference: 'KTB-0002', remittedAtMs: at('2026-11-24', '09:00') })).toMatchObject({ ok: false, error: { code: 'REMITTANCE_RECORDED' } });
    expect(kinds()).toHaveLength(entries);
  });

  it('a bank reference or a rate changed behind the triggers’ back breaks the chain at its entry', async () => {
    await office.as(office.admin, 'remittance.setRate', { revenueCode: '804001', rewardBasisPoints: 1_000, costBasisPoints: 0 });
    await office.printedReceipt();
    await office.as(office.finance, 'remittance.record', { businessDate: DAY, scope: 'cash', bankReference: 'KTB-0001', remittedAtMs: at(DAY, '15:00') });
    const rateSeq = (sqlite().prepare(`SELECT entry_seq AS seq FROM deduction_rates`).get() as { seq: number }).seq;
    const remitSeq = (sqlite().prepare(`SELECT entry_seq AS seq FROM remittances`).get() as { seq: number }).seq;
    sqlite().prepare(`DROP TRIGGER remittances_no_update`).run();
    sqlite().prepare(`UPDATE remittances SET bank_reference = 'KTB-9999'`).run();
    expect(verifyLedger(sqlite()).problems[0]).toMatchObject({ seq: remitSeq, rule: 'hash-chain' });
    sqlite().prepare(`UPDATE remittances SET bank_reference = 'KTB-0001'`).run();
    expect(verifyLedger(sqlite()).problems).toEqual([]);
    sqlite().prepare(`DROP TRIGGER deduction_rates_no_update`).run();
    sqlite().prepare(`UPDATE deduction_rates SET reward_basis_points = 0`).run();
    expect(verifyLedger(sqlite()).problems[0]).toMatchObject({ seq: rateSeq, rule: 'hash-chain' });
  });

  it('the database refuses a row without its entry; a row from before 0019 (no entry) is outside the chain, not a problem', () => {
    const insert = `INSERT INTO remittances (id, business_date, scope, amount_satang, deducted_satang, bank_reference, remitted_at_ms, recorded_by_user_id, at_ms, entry_seq)
      VALUES ('legacy', '2026-11-20', 'cash', 100, 0, 'OLD-1', 0, 'u', 0, NULL)`;
    expect(() => sqlite().prepare(insert).run()).toThrow(/written by its ledger entry/);
    expect(() => sqlite().prepare(`INSERT INTO deduction_rates (id, revenue_code, reward_basis_points, cost_basis_points, set_by_user_id, at_ms) VALUES ('x', '804001', 0, 0, 'u', 0)`).run()).toThrow(
      /written by its ledger entry/,
    );
    // What 0019 finds in a database written before it: rows with no entry.
    sqlite().prepare(`DROP TRIGGER remittances_need_entry`).run();
    sqlite().prepare(insert).run();
    sqlite().prepare(insert.replace("'legacy'", "'legacy2'").replace('2026-11-20', '2026-11-19')).run();
    expect(verifyLedger(sqlite()).problems).toEqual([]);
    for (const table of ['remittances', 'deduction_rates']) {
      const create = (sqlite().prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) as { sql: string }).sql;
      expect(create).toContain('`entry_seq` integer REFERENCES ledger_entries(seq) DEFERRABLE INITIALLY DEFERRED');
    }
  });
});
