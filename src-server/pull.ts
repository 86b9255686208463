import { MAX_PULL_ITEMS, parseFineOrdersCsv, type ApprovalRequest, type PullResponse } from '../src-shared/sync';
import type { SignedBy } from './auth';
import type { Sql } from './db/client';
import { CentralError } from './errors';
import { feedFor } from './feed';

/**
 * What terminals pull from central (issue 11): decisions on the approvals they asked for, and the
 * fine orders of their office. Each stream has its own cursor; the terminal asks from the last
 * cursor it stored, so a lost answer is asked again and applying an item twice changes nothing.
 */

/** A terminal asks central for a supervisor's approval; a resend of the same request is the same request. */
export async function receiveApprovalRequest(sql: Sql, by: SignedBy, body: ApprovalRequest, nowMs: number): Promise<{ id: string; status: 'pending' | 'approved' | 'rejected' }> {
  await sql.query(
    `INSERT INTO approval_requests (id, terminal_id, action, subject, reason_code, reason_text, business_date, requested_by_user_id, requested_at_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
    [body.id, by.terminalId, body.action, body.subject, body.reasonCode, body.reasonText, body.businessDate, body.requestedByUserId, nowMs],
  );
  const row = (
    await sql.query<{ terminalId: string; action: string; subject: string; reasonCode: string; status: 'pending' | 'approved' | 'rejected' }>(
      'SELECT terminal_id AS "terminalId", action, subject, reason_code AS "reasonCode", status FROM approval_requests WHERE id = $1',
      [body.id],
    )
  )[0];
  if (row === undefined || row.terminalId !== by.terminalId || row.action !== body.action || row.subject !== body.subject || row.reasonCode !== body.reasonCode) {
    throw new CentralError('BAD_INPUT', 'An approval request with this id exists and differs');
  }
  return { id: body.id, status: row.status };
}

/** The supervisor decides at central (console, or the provincial office through the admin route). */
export async function decideApproval(
  sql: Sql,
  decision: { id: string; isApproved: boolean; supervisorUsername: string; supervisorNameTh: string },
  nowMs: number,
): Promise<{ id: string; status: 'approved' | 'rejected' }> {
  const status = decision.isApproved ? 'approved' : 'rejected';
  const rows = await sql.query(
    `UPDATE approval_requests SET status = $2, supervisor_username = $3, supervisor_name_th = $4, decided_at_ms = $5, cursor = nextval('pull_cursor')
     WHERE id = $1 AND status = 'pending' RETURNING id`,
    [decision.id, status, decision.supervisorUsername, decision.supervisorNameTh, nowMs],
  );
  if (rows.length === 0) {
    const exists = await sql.query('SELECT status FROM approval_requests WHERE id = $1', [decision.id]);
    throw new CentralError(exists.length === 0 ? 'NOT_FOUND' : 'BAD_INPUT', exists.length === 0 ? 'No such approval request' : 'This approval request has been decided already');
  }
  return { id: decision.id, status };
}

export async function pullFor(sql: Sql, by: SignedBy, approvalsAfter: number, fineOrdersAfter: number, feedAfter: number): Promise<PullResponse> {
  const approvals = await sql.query<PullResponse['approvals'][number]>(
    `SELECT id, status = 'approved' AS "isApproved", supervisor_username AS "supervisorUsername", supervisor_name_th AS "supervisorNameTh", decided_at_ms AS "decidedAtMs", cursor
     FROM approval_requests WHERE terminal_id = $1 AND cursor > $2 ORDER BY cursor LIMIT $3`,
    [by.terminalId, approvalsAfter, MAX_PULL_ITEMS],
  );
  const fineOrders = await sql.query<PullResponse['fineOrders'][number]>(
    `SELECT order_no AS "orderNo", place, revenue_code AS "revenueCode", offender_name AS "offenderName", offender_id AS "offenderId", amount_satang AS "amountSatang",
            issued_date AS "issuedDate", law, cursor
     FROM fine_orders WHERE place = $1 AND cursor > $2 ORDER BY cursor LIMIT $3`,
    [by.place, fineOrdersAfter, MAX_PULL_ITEMS],
  );
  return { approvals, fineOrders, feed: await feedFor(sql, by, feedAfter) };
}

/** Imports the fines system's CSV export: all lines or none; an order already imported is a duplicate. */
export async function importFineOrders(sql: Sql, csvText: string, nowMs: number): Promise<{ lines: number; imported: number; duplicates: number }> {
  const { orders, problems } = parseFineOrdersCsv(csvText);
  if (problems.length > 0) {
    const listed = problems.slice(0, 20).map((p) => `line ${p.line} ${p.field}: ${p.message}`).join('; ');
    throw new CentralError('BAD_INPUT', `The fine orders file was not imported (${problems.length} problem(s)): ${listed}`);
  }
  const column = <K extends keyof (typeof orders)[number]>(key: K) => orders.map((o) => o[key]);
  const inserted = await sql.query(
    `INSERT INTO fine_orders (order_no, place, revenue_code, offender_name, offender_id, amount_satang, issued_date, law, imported_at_ms)
     SELECT u.*, $9 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[])
       AS u(order_no, place, revenue_code, offender_name, offender_id, amount_satang, issued_date, law)
     ON CONFLICT (order_no) DO NOTHING RETURNING order_no`,
    [column('orderNo'), column('place'), column('revenueCode'), column('offenderName'), column('offenderId'), column('amountSatang'), column('issuedDate'), column('law'), nowMs],
  );
  return { lines: orders.length, imported: inserted.length, duplicates: orders.length - inserted.length };
}
