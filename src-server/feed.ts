import { createHash } from 'node:crypto';
import { feedItemKey, feedItemProblem, MAX_PULL_ITEMS, type FeedBody, type FeedItem } from '../src-shared/sync';
import type { SignedBy } from './auth';
import type { CentralDb, Sql } from './db/client';
import { CentralError } from './errors';

/**
 * Central's feed (issue 11, src-shared/sync/feed.ts): users' public data, catalog, holiday
 * calendar, payment confirmations from bank files imported at the province, paper book
 * assignments. Published by an administrator through `/admin/feed`, and payments also by the
 * provincial office's push (`POST /v1/province-payments`, province-payments.ts); validated here with the same checks the terminal applies on arrival; a body
 * published again is a duplicate, a changed one is a new version under a new cursor.
 *
 * `approvedBy` is who publishes (a console username, `admin-token`, `cli:<login>`): kept in
 * `central_users.approved_by` for each user item newly published, never in the feed body (the
 * terminals do not need it). A duplicate changes nothing, so `central_users` stays what the
 * terminals have (publishing A, B, then A again leaves B in force at both).
 */
export async function publishFeed(db: CentralDb, place: string | null, items: readonly FeedBody[], nowMs: number, approvedBy: string): Promise<{ published: number; duplicates: number }> {
  const problems = items.flatMap((item, i) => {
    const problem = feedItemProblem(item);
    return problem === null ? [] : [`item ${i + 1}: ${problem}`];
  });
  if (items.some((item) => item.stream === 'user') && place === null) problems.unshift('a user account belongs to one office: give its place');
  if (approvedBy.length === 0 || approvedBy.length > 100) problems.unshift('who publishes is 1–100 characters');
  if (problems.length > 0) throw new CentralError('BAD_INPUT', `Nothing was published (${problems.length} problem(s)): ${problems.slice(0, 20).join('; ')}`);
  return db.transaction(async (tx) => {
    const published = await insertFeedItems(tx, place, items, nowMs, approvedBy);
    return { published, duplicates: items.length - published };
  });
}

/**
 * Stores checked items for `place` inside the caller's transaction; returns how many were new (the
 * same body under the same key again is a duplicate, `ON CONFLICT DO NOTHING`). The caller has run
 * `feedItemProblem` on every item. A user item newly published is kept in `central_users` with who
 * published it.
 */
export async function insertFeedItems(tx: Sql, place: string | null, items: readonly FeedBody[], nowMs: number, approvedBy: string): Promise<number> {
  let published = 0;
  for (const item of items) {
    const body = JSON.stringify(item);
    const inserted = await tx.query(
      `INSERT INTO feed_items (stream, place, item_key, body, body_sha256, published_at_ms) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (stream, item_key, body_sha256) DO NOTHING RETURNING cursor`,
      [item.stream, place, feedItemKey(item), body, createHash('sha256').update(body).digest('hex'), nowMs],
    );
    published += inserted.length;
    if (item.stream === 'user' && place !== null && inserted.length > 0) await recordCentralUser(tx, place, item, approvedBy);
  }
  return published;
}

async function recordCentralUser(tx: Sql, place: string, user: Extract<FeedBody, { stream: 'user' }>, approvedBy: string): Promise<void> {
  await tx.query(
    `INSERT INTO central_users (username, place, full_name_th, position_th, role, is_disabled, order_ref, approved_at_ms, approved_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (username) DO UPDATE SET place = excluded.place, full_name_th = excluded.full_name_th, position_th = excluded.position_th, role = excluded.role,
       is_disabled = excluded.is_disabled, order_ref = excluded.order_ref, approved_at_ms = excluded.approved_at_ms, approved_by = excluded.approved_by`,
    [user.username, place, user.fullNameTh, user.positionTh, user.role, user.isDisabled, user.orderRef, user.approvedAtMs, approvedBy],
  );
}

/** The feed items of this terminal's office and of every office after `after`, in cursor order. */
export async function feedFor(sql: Sql, by: SignedBy, after: number): Promise<FeedItem[]> {
  const rows = await sql.query<{ cursor: number; body: string }>(
    `SELECT cursor, body FROM feed_items WHERE cursor > $1 AND (place = $2 OR place IS NULL) ORDER BY cursor LIMIT $3`,
    [after, by.place, MAX_PULL_ITEMS],
  );
  return rows.map((r) => ({ cursor: r.cursor, body: JSON.parse(r.body) as FeedBody }));
}

/** A terminal reports the users it created itself; central keeps them, flagged until approved centrally. */
export async function reportLocalUsers(
  db: CentralDb,
  by: SignedBy,
  users: readonly { username: string; fullNameTh: string; positionTh: string; role: string; isDisabled: boolean; createdAtMs: number }[],
  nowMs: number,
): Promise<{ flagged: number }> {
  await db.transaction(async (tx) => {
    for (const u of users) {
      await tx.query(
        `INSERT INTO reported_local_users (terminal_id, username, full_name_th, position_th, role, is_disabled, created_at_ms, reported_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (terminal_id, username) DO UPDATE SET full_name_th = excluded.full_name_th, position_th = excluded.position_th, role = excluded.role,
           is_disabled = excluded.is_disabled, reported_at_ms = excluded.reported_at_ms`,
        [by.terminalId, u.username, u.fullNameTh, u.positionTh, u.role, u.isDisabled, u.createdAtMs, nowMs],
      );
    }
  });
  return { flagged: (await flaggedUsers(db, by.terminalId)).length };
}

export interface FlaggedUser {
  readonly terminalId: string;
  readonly username: string;
  readonly fullNameTh: string;
  readonly role: string;
  /** Why: not approved at all, or approved with another role or office. */
  readonly reason: 'not-approved' | 'role-differs' | 'other-office';
}

/** Users created at a terminal that central has not approved as they are (the console lists them). */
export async function flaggedUsers(sql: Sql, terminalId?: string): Promise<FlaggedUser[]> {
  return sql.query<FlaggedUser>(
    `SELECT r.terminal_id AS "terminalId", r.username, r.full_name_th AS "fullNameTh", r.role,
            CASE WHEN c.username IS NULL THEN 'not-approved' WHEN c.place <> t.place THEN 'other-office' ELSE 'role-differs' END AS reason
     FROM reported_local_users r JOIN terminals t ON t.id = r.terminal_id LEFT JOIN central_users c ON c.username = r.username
     WHERE ($1::text IS NULL OR r.terminal_id = $1) AND (c.username IS NULL OR c.place <> t.place OR c.role <> r.role)
     ORDER BY r.terminal_id, r.username`,
    [terminalId ?? null],
  );
}
