// The console's overdue-remittance alarm over a national lookback (issue 11), figures only, never
// asserted: OFFICES offices (one terminal each) in 76 provinces, one provincial office registered
// in each but 2, DAYS business days of RECEIPTS receipts an office, every 5th a bill payment with
// its payment confirmation (the bank paid it the day before it was receipted); cash remitted by
// every terminal but for the last 2 days, bill payments by each provincial office but for the last
// 3. The facts tables are filled by SQL (what ingest would have stored, bank days included), on a PostgreSQL 15 in a
// temp folder and on PGlite in memory. Prints the median of 3 rounds of `overdueBillPayments`,
// `overdueRemittances` (cash) and `listOffices`.
// Default 1,000 offices × 50 receipts × 20 days (1,000,000 receipts); EBILL_BENCH_OFFICES,
// EBILL_BENCH_RECEIPTS_PER_OFFICE, EBILL_BENCH_DAYS for other sizes, EBILL_BENCH_PGLITE=0 skips PGlite.
// Run: npm run bench -- central-alarms
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { overdueBillPayments, overdueRemittances } from '../src-server/console/alarms';
import { openPglite, openPostgres, type CentralDb } from '../src-server/db/client';
import { listOffices } from '../src-server/offices';
import { addDays, bangkokInstantMs, type BusinessDate } from '../src-shared/dates/business-date';
import { buildHolidayCalendar } from '../src-shared/dates/holiday-calendar';
import { hasPostgres, NO_POSTGRES_MESSAGE, startPostgres } from '../tests/helpers/postgres';

const OFFICES = Number(process.env.EBILL_BENCH_OFFICES ?? 1_000);
const RECEIPTS = Number(process.env.EBILL_BENCH_RECEIPTS_PER_OFFICE ?? 50);
const DAYS = Number(process.env.EBILL_BENCH_DAYS ?? 20);
const PROVINCES = 76;
const FIRST_DAY = '2026-11-02' as BusinessDate;
const LAST_DAY = addDays(FIRST_DAY, DAYS - 1);
const NOW_MS = bangkokInstantMs(addDays(LAST_DAY, 1), 10 * 60);
const ROUNDS = 3;
const print = (line: string): void => void process.stdout.write(`${line}\n`);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const calendarBuilt = buildHolidayCalendar([2569, 2570].map((be) => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'resources', 'holidays', `${be}.json`), 'utf8')) as unknown));
if (!calendarBuilt.ok) throw new Error('the holiday files do not build');
const calendar = calendarBuilt.value;

/** Office i: province 10 + (i mod 76), district ⌊i / 76⌋ (district 00 is the provincial office). */
const places = Array.from({ length: OFFICES }, (_, i) => `${10 + (i % PROVINCES)}${String(Math.floor(i / PROVINCES)).padStart(2, '0')}`);

async function seed(db: CentralDb): Promise<number> {
  const start = performance.now();
  await db.query(`INSERT INTO terminals (id, place, slot, approval_key_base64, enrolled_at_ms, last_push_at_ms) SELECT p || '-1', p, 1, 'x', 0, $2 FROM unnest($1::text[]) AS p`, [places, NOW_MS]);
  await db.query(
    `INSERT INTO office_registry (place, province, kind, set_by, set_at_ms)
     SELECT p, substr(p, 1, 2), 'provincial', 'bench', 0 FROM unnest($1::text[]) AS p WHERE substr(p, 3, 2) = '00' AND substr(p, 1, 2) NOT IN ('10', '11')`,
    [places],
  );
  const days = Array.from({ length: DAYS }, (_, i) => addDays(FIRST_DAY, i));
  const midnights = days.map((d) => bangkokInstantMs(d, 0));
  // One statement per day keeps each transaction moderate.
  for (const [i, day] of days.entries()) {
    await db.query(
      `INSERT INTO central_receipts (terminal_id, seq, receipt_id, place, business_date, revenue_code, method, amount_satang, is_paper, bill_id)
       SELECT t.id, $1::bigint * $2::bigint + r.j, 'R' || $1 || '-' || r.j, t.place, $3, '804001', CASE WHEN r.j % 5 = 0 THEN 'bill-payment' ELSE 'cash' END, 10000 + r.j % 997, false, 'B' || $1 || '-' || r.j
       FROM terminals t CROSS JOIN generate_series(1, $4::int) AS r(j)`,
      [i, RECEIPTS * 2, day, RECEIPTS],
    );
    await db.query(
      `INSERT INTO central_confirmations (terminal_id, seq, place, confirmation_id, bill_id, source, paid_at_ms)
       SELECT t.id, $1::bigint * $2::bigint + $3::bigint + r.j, t.place, 'C' || $1 || '-' || r.j, 'B' || $1 || '-' || r.j, 'central', $4::bigint - 9 * 3600000
       FROM terminals t CROSS JOIN generate_series(5, $3::int, 5) AS r(j)`,
      [i, RECEIPTS * 2, RECEIPTS, midnights[i] ?? 0],
    );
    if (i < DAYS - 2) {
      await db.query(
        `INSERT INTO central_remittances (terminal_id, seq, place, business_date, scope, amount_satang, bank_reference, remitted_at_ms) SELECT id, $1::bigint * $2::bigint + $2::bigint - 1, place, $3, 'cash', 1, 'KTB', 0 FROM terminals`,
        [i, RECEIPTS * 2, day],
      );
    }
    // The bank day of the bill payments receipted on day i is day i − 1.
    if (i >= 1 && i < DAYS - 3) {
      await db.query(
        `INSERT INTO central_remittances (terminal_id, seq, place, business_date, scope, amount_satang, bank_reference, remitted_at_ms)
         SELECT t.id, $1::bigint * $2::bigint + $2::bigint - 2, t.place, $3, 'bill-payment', 1, 'KTB', 0 FROM terminals t JOIN office_registry o ON o.place = t.place AND o.kind = 'provincial'`,
        [i, RECEIPTS * 2, days[i - 1]],
      );
    }
  }
  // What ingest keeps (facts.ts keepBankDates), all at once: the same statement as the migration's backfill.
  await db.query(
    `UPDATE central_receipts r SET bank_date = d.day
     FROM (SELECT c.terminal_id, c.bill_id, to_char(to_timestamp((coalesce(min(c.paid_at_ms) FILTER (WHERE c.source <> 'provisional'), min(c.paid_at_ms)) + 25200000) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
           FROM central_confirmations c GROUP BY 1, 2) d
     WHERE r.terminal_id = d.terminal_id AND r.bill_id = d.bill_id AND r.method = 'bill-payment'`,
  );
  await db.query('ANALYZE');
  return performance.now() - start;
}

async function measure(name: string, db: CentralDb): Promise<void> {
  const seedMs = await seed(db);
  const counts = (await db.query<{ receipts: number; bills: number }>(`SELECT count(*)::int AS receipts, (count(*) FILTER (WHERE method = 'bill-payment'))::int AS bills FROM central_receipts`))[0];
  print(`${name}: seeded ${counts?.receipts.toLocaleString('en-US')} receipts (${counts?.bills.toLocaleString('en-US')} bill payments, each confirmed), ${OFFICES} offices, ${DAYS} days in ${(seedMs / 1000).toFixed(1)} s`);
  const rounds: Record<string, number[]> = { overdueBillPayments: [], overdueRemittances: [], listOffices: [] };
  let listed = { bills: 0, orphan: 0, cash: 0, offices: 0 };
  for (let round = 0; round < ROUNDS; round += 1) {
    let start = performance.now();
    const bills = await overdueBillPayments(db, NOW_MS, calendar);
    rounds['overdueBillPayments']?.push(performance.now() - start);
    start = performance.now();
    const cash = await overdueRemittances(db, NOW_MS, calendar);
    rounds['overdueRemittances']?.push(performance.now() - start);
    start = performance.now();
    const offices = await listOffices(db);
    rounds['listOffices']?.push(performance.now() - start);
    listed = { bills: bills.filter((b) => b.provincialPlace !== null).length, orphan: bills.filter((b) => b.provincialPlace === null).length, cash: cash.length, offices: offices.length };
  }
  for (const [what, ms] of Object.entries(rounds)) print(`  ${what}: median ${median(ms).toFixed(0)} ms (${ms.map((m) => m.toFixed(0)).join(', ')})`);
  print(`  listed: ${listed.bills} province-days overdue at a provincial office, ${listed.orphan} of provinces with none, ${listed.cash} office-days of cash, ${listed.offices} offices`);
}

print(`${OFFICES.toLocaleString('en-US')} offices × ${RECEIPTS} receipts × ${DAYS} days; now ${new Date(NOW_MS).toISOString()}`);
if (!hasPostgres) print(NO_POSTGRES_MESSAGE);
else {
  const pg = await startPostgres();
  try {
    const db = await openPostgres(pg.url);
    await measure('PostgreSQL 15', db);
    await db.close();
  } finally {
    pg.stop();
  }
}
if (process.env.EBILL_BENCH_PGLITE !== '0') {
  const db = await openPglite(undefined);
  await measure('PGlite (memory)', db);
  await db.close();
}
