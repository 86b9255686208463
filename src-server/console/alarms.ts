import { addDays, businessDateOf, type BusinessDate } from '../../src-shared/dates/business-date';
import { buildHolidayCalendar, remittanceDeadlineOfDay, REMITTANCE_OVERDUE_LOOKBACK_DAYS, type HolidayCalendar } from '../../src-shared/dates/holiday-calendar';
import type { Sql } from '../db/client';

/**
 * What the console reads from the facts central stores at ingest (src-server/facts.ts): the
 * overdue-remittance alarm (cash per office, bill payments per province through the office
 * registry), statistics by province and revenue code, offices in an outage.
 */

/**
 * The holiday calendar central published in its feed (stream `holidays`, the newest version of each
 * year): the same data and the same `src-shared/dates` functions the offices use.
 */
export async function centralHolidayCalendar(sql: Sql): Promise<HolidayCalendar> {
  const rows = await sql.query<{ body: string }>(
    `SELECT DISTINCT ON (item_key) body FROM feed_items WHERE stream = 'holidays' AND place IS NULL ORDER BY item_key, cursor DESC`,
  );
  const built = buildHolidayCalendar(rows.map((r) => (JSON.parse(r.body) as { data: unknown }).data));
  // Every year was validated when it was published; a set that no longer builds leaves no year known.
  return built.ok ? built.value : { years: [], holidayOn: () => undefined };
}

export interface OverdueRemittance {
  readonly place: string;
  readonly businessDate: string;
  /** Cash, cheques and drafts received that day (cancelled receipts excluded) by terminals that have not recorded the day's cash remittance. */
  readonly cashSatang: number;
  /** 09:30 of the next business day; null when central has no holiday calendar for the year (never guessed). */
  readonly deadlineMs: number | null;
  readonly terminalIds: readonly string[];
}

/**
 * The overdue-remittance alarm (issues 10, 11), per office and business day: cash (every method but
 * bill payment, which the provincial office remits from its bank files: `overdueBillPayments`) received that day and not
 * remitted by 09:30 of the next business day. Each terminal keeps its own ledger and records the
 * remittance of its own receipts (`remittance.recorded`, scope `cash`), so a day is remitted for a
 * terminal when that terminal's chain has the record. A day whose deadline central cannot compute
 * (no holiday data for the next year) is listed once the day itself is over, with the deadline unknown.
 */
export async function overdueRemittances(sql: Sql, nowMs: number, calendar?: HolidayCalendar): Promise<OverdueRemittance[]> {
  const today = businessDateOf(nowMs);
  const rows = await sql.query<{ place: string; day: string; terminalId: string; satang: number }>(
    `SELECT r.place, r.business_date AS day, r.terminal_id AS "terminalId", sum(r.amount_satang)::bigint AS satang
     FROM central_receipts r
     WHERE r.method <> 'bill-payment' AND r.business_date >= $1 AND r.business_date < $2
       AND NOT EXISTS (SELECT 1 FROM central_cancellations c WHERE c.terminal_id = r.terminal_id AND c.receipt_id = r.receipt_id)
       AND NOT EXISTS (SELECT 1 FROM central_remittances m WHERE m.terminal_id = r.terminal_id AND m.business_date = r.business_date AND m.scope = 'cash')
     GROUP BY 1, 2, 3 HAVING sum(r.amount_satang) > 0
     ORDER BY 1, 2, 3`,
    [addDays(today, -REMITTANCE_OVERDUE_LOOKBACK_DAYS), today],
  );
  const holidays = calendar ?? (await centralHolidayCalendar(sql));
  const byDay = new Map<string, { place: string; businessDate: string; cashSatang: number; terminalIds: string[] }>();
  for (const row of rows) {
    const key = `${row.place}|${row.day}`;
    const day = byDay.get(key) ?? { place: row.place, businessDate: row.day, cashSatang: 0, terminalIds: [] };
    day.cashSatang += Number(row.satang);
    day.terminalIds.push(row.terminalId);
    byDay.set(key, day);
  }
  const overdue: OverdueRemittance[] = [];
  for (const day of byDay.values()) {
    const deadline = remittanceDeadlineOfDay(holidays, day.businessDate as BusinessDate);
    const deadlineMs = deadline.ok ? deadline.value : null;
    if (deadlineMs === null || deadlineMs < nowMs) overdue.push({ ...day, deadlineMs });
  }
  return overdue;
}

export interface OverdueBillPayments {
  readonly province: string;
  /** The provincial office registered for the province (it remits them); null: none registered (an alarm of its own kind). */
  readonly provincialPlace: string | null;
  /** The bank day (the day the bank was paid; the receipt's own day when central has no confirmation of the bill). */
  readonly businessDate: string;
  /** Bill payments of the province's offices paid that day (cancelled receipts excluded) and not remitted. */
  readonly billPaymentSatang: number;
  readonly receiptCount: number;
  /** 09:30 of the next business day; null when central has no holiday calendar for the year (never guessed). */
  readonly deadlineMs: number | null;
  /** The offices whose receipts these are. */
  readonly places: readonly string[];
}

/**
 * The bill-payment half of the overdue-remittance alarm (issues 10, 11), per province and business
 * day. Bill payments land in the provincial office's KTB account and that office remits them for
 * the whole province (src-main/close/province-remittance.ts): so a day's bill payments of every
 * office of a province (`central_receipts`, method `bill-payment`, place starting with the province,
 * cancelled receipts excluded) are remitted when a terminal of the province's provincial office (the
 * office registry, src-server/offices.ts) recorded `remittance.recorded` of scope `bill-payment` for
 * that day, and overdue after 09:30 of the next business day otherwise. A province with no
 * provincial office registered has nobody to remit them: its days are listed with `provincialPlace`
 * null, by the same deadline rule.
 *
 * The day is the one the provincial office remits it under: the bank's payment date
 * (province-remittance.ts groups its bank imports' credits by `payment_date`). Central never gets the
 * bank files, but each terminal records the bank's payment of a bill (`payment.confirmed`, its
 * `paidAtMs` the bank's payment instant) and the receipt names the bill: the day is the receipt's
 * bank day kept at ingest (`central_receipts.bank_date`, facts.ts `keepBankDates`: the bank's own
 * confirmation before the payer's evidence), and the receipt's own day only when central has no
 * confirmation of that bill. What the provincial office remits from credits no office has receipted yet is not seen here.
 */
export async function overdueBillPayments(sql: Sql, nowMs: number, calendar?: HolidayCalendar): Promise<OverdueBillPayments[]> {
  const today = businessDateOf(nowMs);
  // A receipt is never dated before its payment (no back-dated receipts): its bank day is on or before its own day.
  // Grouped by office and day first, so the remittance is looked up once per office and day.
  const rows = await sql.query<{ province: string; provincialPlace: string | null; day: string; place: string; n: number; satang: number }>(
    `WITH days AS (
       SELECT substr(r.place, 1, 2) AS province, coalesce(r.bank_date, r.business_date) AS day, r.place, count(*)::int AS n, sum(r.amount_satang)::bigint AS satang
       FROM central_receipts r
       WHERE r.method = 'bill-payment' AND r.business_date >= $1 AND coalesce(r.bank_date, r.business_date) >= $1 AND coalesce(r.bank_date, r.business_date) < $2
         AND NOT EXISTS (SELECT 1 FROM central_cancellations c WHERE c.terminal_id = r.terminal_id AND c.receipt_id = r.receipt_id)
       GROUP BY 1, 2, 3 HAVING sum(r.amount_satang) > 0
     )
     SELECT d.province, p.place AS "provincialPlace", d.day, d.place, d.n, d.satang
     FROM days d
     LEFT JOIN office_registry p ON p.province = d.province AND p.kind = 'provincial'
     WHERE p.place IS NULL OR NOT EXISTS (SELECT 1 FROM central_remittances m WHERE m.place = p.place AND m.business_date = d.day AND m.scope = 'bill-payment')
     ORDER BY 1, 3, 4`,
    [addDays(today, -REMITTANCE_OVERDUE_LOOKBACK_DAYS), today],
  );
  const holidays = calendar ?? (await centralHolidayCalendar(sql));
  const byDay = new Map<string, { province: string; provincialPlace: string | null; businessDate: string; billPaymentSatang: number; receiptCount: number; places: string[] }>();
  for (const row of rows) {
    const key = `${row.province}|${row.day}`;
    const day = byDay.get(key) ?? { province: row.province, provincialPlace: row.provincialPlace, businessDate: row.day, billPaymentSatang: 0, receiptCount: 0, places: [] };
    day.billPaymentSatang += Number(row.satang);
    day.receiptCount += row.n;
    day.places.push(row.place);
    byDay.set(key, day);
  }
  const overdue: OverdueBillPayments[] = [];
  for (const day of byDay.values()) {
    const deadline = remittanceDeadlineOfDay(holidays, day.businessDate as BusinessDate);
    const deadlineMs = deadline.ok ? deadline.value : null;
    if (deadlineMs === null || deadlineMs < nowMs) overdue.push({ ...day, deadlineMs });
  }
  return overdue;
}

export interface ReceiptStatistic {
  readonly province: string;
  readonly revenueCode: string;
  readonly n: number;
  readonly paper: number;
  readonly satang: number;
}

/** Receipts by province (first 2 digits of the place) and revenue code: electronic and paper, cancelled ones left out. */
export async function receiptStatistics(sql: Sql): Promise<ReceiptStatistic[]> {
  return (
    await sql.query<ReceiptStatistic>(
      `SELECT substr(r.place, 1, 2) AS province, r.revenue_code AS "revenueCode", count(*)::int AS n, (count(*) FILTER (WHERE r.is_paper))::int AS paper, sum(r.amount_satang)::bigint AS satang
       FROM central_receipts r
       WHERE NOT EXISTS (SELECT 1 FROM central_cancellations c WHERE c.terminal_id = r.terminal_id AND c.receipt_id = r.receipt_id)
       GROUP BY 1, 2 ORDER BY 1, 2`,
    )
  ).map((s) => ({ ...s, satang: Number(s.satang) }));
}

export interface OpenOutage {
  readonly place: string;
  readonly terminalId: string;
  readonly outageId: string;
  readonly startedAtMs: number;
  readonly cause: string | null;
}

/** Outages a terminal reported started and has not reported ended. */
export async function openOutages(sql: Sql): Promise<OpenOutage[]> {
  return sql.query<OpenOutage>(
    `SELECT s.place, s.terminal_id AS "terminalId", s.outage_id AS "outageId", s.started_at_ms AS "startedAtMs", s.cause
     FROM central_outages s
     WHERE s.started_at_ms IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM central_outages e WHERE e.terminal_id = s.terminal_id AND e.outage_id = s.outage_id AND e.ended_at_ms IS NOT NULL)
     ORDER BY s.place, s.terminal_id, s.started_at_ms`,
  );
}
