import type { FastifyInstance } from 'fastify';
import { ROLE_LABELS, ROLES, isRole, type Role } from '../../src-shared/domain/roles';
import { feedUserSchema, type FeedBody } from '../../src-shared/sync';
import type { CentralDb, Sql } from '../db/client';
import { flaggedUsers, publishFeed } from '../feed';
import { consoleNav, escapeHtml, instant, page, table } from './console';
import { ConsoleFormError, csrfField, flashHtml, logoutForm, MAX_LISTED_ROWS, placeFilterForm, placeFilterOf, returnPlaceField, type ConsoleForms, type ConsoleUser } from './forms';
import { CONSOLE_TEXT as T } from './text';

/**
 * The console's users page (issue 11): users a terminal created itself that central has not
 * approved as they are, and the accounts central approved. An administrator approves one (as
 * reported, or with another role or names) or changes an approved one's role or state, on the
 * Finance Division's written order; each is a `user` feed item published through `publishFeed`
 * (the one writer of the feed and of `central_users`), which the office's terminals pull.
 */
type FeedUser = Extract<FeedBody, { stream: 'user' }>;

const USERNAME = /^[a-z][a-z0-9._-]{2,31}$/;
const TERMINAL_ID = /^\d{4}-[1-9]$/;

interface CentralUserRow {
  readonly username: string;
  readonly place: string;
  readonly fullNameTh: string;
  readonly positionTh: string;
  readonly role: string;
  readonly isDisabled: boolean;
  readonly orderRef: string;
  readonly approvedAtMs: number;
  readonly approvedBy: string | null;
}

const CENTRAL_USER_COLUMNS = `username, place, full_name_th AS "fullNameTh", position_th AS "positionTh", role, is_disabled AS "isDisabled", order_ref AS "orderRef", approved_at_ms AS "approvedAtMs", approved_by AS "approvedBy"`;

function roleOf(value: string | undefined): Role {
  if (!isRole(value)) throw new ConsoleFormError('BAD_ROLE', `"${String(value ?? '')}" is not one of ${ROLES.join(', ')}`);
  return value;
}

function orderRefOf(value: string | undefined): string {
  const orderRef = (value ?? '').trim();
  if (orderRef.length === 0 || orderRef.length > 100) throw new ConsoleFormError('ORDER_REF_REQUIRED');
  return orderRef;
}

function nameOf(value: string | undefined): string {
  const name = (value ?? '').trim();
  if (name.length === 0 || name.length > 200) throw new ConsoleFormError('BAD_NAME');
  return name;
}

/** A 4-digit office code central knows: a terminal is enrolled there, or an enrollment code was made for it. */
export async function knownPlace(sql: Sql, value: string | undefined): Promise<string> {
  const place = (value ?? '').trim();
  if (!/^\d{4}$/.test(place)) throw new ConsoleFormError('BAD_PLACE', `"${place}"`);
  const known = await sql.query('SELECT 1 FROM terminals WHERE place = $1 UNION ALL SELECT 1 FROM enroll_codes WHERE place = $1 LIMIT 1', [place]);
  if (known.length === 0) throw new ConsoleFormError('UNKNOWN_PLACE', place);
  return place;
}

/** The user body, checked by the feed's own schema before `publishFeed` checks it again. */
function userBody(body: FeedUser): FeedUser {
  const parsed = feedUserSchema.safeParse(body);
  if (!parsed.success) throw new ConsoleFormError('FEED_ITEM_INVALID', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

/** Approves a user a terminal reported, as reported or with another role or names, for an office; `approvedBy` is the console user. */
export async function approveReportedUser(
  db: CentralDb,
  input: { terminalId?: string; username?: string; place?: string; role?: string; fullNameTh?: string; positionTh?: string; orderRef?: string },
  nowMs: number,
  approvedBy: string,
): Promise<{ published: number; duplicates: number }> {
  const username = (input.username ?? '').trim();
  const terminalId = (input.terminalId ?? '').trim();
  if (!USERNAME.test(username) || !TERMINAL_ID.test(terminalId)) throw new ConsoleFormError('UNKNOWN_USER', `${terminalId} ${username}`);
  const reported = (
    await db.query<{ isDisabled: boolean }>('SELECT is_disabled AS "isDisabled" FROM reported_local_users WHERE terminal_id = $1 AND username = $2', [terminalId, username])
  )[0];
  if (reported === undefined) throw new ConsoleFormError('UNKNOWN_USER', `${username} was not reported by ${terminalId}`);
  const role = roleOf(input.role);
  const fullNameTh = nameOf(input.fullNameTh);
  const positionTh = nameOf(input.positionTh);
  const orderRef = orderRefOf(input.orderRef);
  const place = await knownPlace(db, input.place);
  const body = userBody({ stream: 'user', username, fullNameTh, positionTh, role, isDisabled: reported.isDisabled, orderRef, approvedAtMs: nowMs });
  return publishFeed(db, place, [body], nowMs, approvedBy);
}

/** Changes the role or the state (disabled or active) of an account approved centrally, on a new order; `approvedBy` is the console user. */
export async function changeCentralUser(
  db: CentralDb,
  input: { username?: string; role?: string; state?: string; orderRef?: string },
  nowMs: number,
  approvedBy: string,
): Promise<{ published: number; duplicates: number }> {
  const username = (input.username ?? '').trim();
  const existing = USERNAME.test(username) ? (await db.query<CentralUserRow>(`SELECT ${CENTRAL_USER_COLUMNS} FROM central_users WHERE username = $1`, [username]))[0] : undefined;
  if (existing === undefined) throw new ConsoleFormError('UNKNOWN_USER', username);
  const role = roleOf(input.role);
  if (input.state !== 'active' && input.state !== 'disabled') throw new ConsoleFormError('BAD_STATE', `"${String(input.state ?? '')}"`);
  const isDisabled = input.state === 'disabled';
  const orderRef = orderRefOf(input.orderRef);
  if (role === existing.role && isDisabled === existing.isDisabled) throw new ConsoleFormError('NOTHING_CHANGED');
  const body = userBody({ stream: 'user', username, fullNameTh: existing.fullNameTh, positionTh: existing.positionTh, role, isDisabled, orderRef, approvedAtMs: nowMs });
  return publishFeed(db, existing.place, [body], nowMs, approvedBy);
}

const roleName = (role: string): string => (isRole(role) ? `${ROLE_LABELS[role].th} / ${ROLE_LABELS[role].en}` : role);

function roleSelect(selected: string): string {
  return `<select name="role">${ROLES.map((r) => `<option value="${r}"${r === selected ? ' selected' : ''}>${escapeHtml(roleName(r))}</option>`).join('')}</select>`;
}

async function usersPage(db: CentralDb, user: ConsoleUser, forms: ConsoleForms, query: unknown): Promise<string> {
  const isAdmin = user.role === 'admin';
  const filter = placeFilterOf(query);
  const reported = await db.query<{ terminalId: string; username: string; positionTh: string; isDisabled: boolean; place: string }>(
    `SELECT r.terminal_id AS "terminalId", r.username, r.position_th AS "positionTh", r.is_disabled AS "isDisabled", t.place
     FROM reported_local_users r JOIN terminals t ON t.id = r.terminal_id WHERE ($1::text IS NULL OR t.place = $1)`,
    [filter.place],
  );
  const reportedOf = new Map(reported.map((r) => [`${r.terminalId}/${r.username}`, r]));
  const flaggedAll = (await flaggedUsers(db)).filter((u) => reportedOf.has(`${u.terminalId}/${u.username}`));
  const flagged = flaggedAll.slice(0, MAX_LISTED_ROWS);
  const back = returnPlaceField(filter.place);
  const flagText = { 'not-approved': T.notApproved, 'role-differs': T.roleDiffers, 'other-office': T.otherOffice } as const;
  const flaggedRows = flagged.map((u) => {
    const r = reportedOf.get(`${u.terminalId}/${u.username}`);
    const place = r?.place ?? '';
    const approve = isAdmin
      ? `<form method="post" action="/console/users/approve">${csrfField(user)}${back}<input type="hidden" name="terminalId" value="${escapeHtml(u.terminalId)}"><input type="hidden" name="username" value="${escapeHtml(u.username)}">
<label>${escapeHtml(T.place)} <input name="place" value="${escapeHtml(place)}" size="4" inputmode="numeric"></label><label>${escapeHtml(T.role)} ${roleSelect(u.role)}</label>
<label>${escapeHtml(T.fullNameTh)} <input name="fullNameTh" value="${escapeHtml(u.fullNameTh)}"></label><label>${escapeHtml(T.positionTh)} <input name="positionTh" value="${escapeHtml(r?.positionTh ?? '')}"></label>
<label>${escapeHtml(T.orderRef)} <input name="orderRef" required maxlength="100"></label><button>${escapeHtml(T.approveUser)}</button></form>`
      : '';
    return [
      escapeHtml(u.terminalId),
      escapeHtml(u.username),
      escapeHtml(u.fullNameTh),
      escapeHtml(r?.positionTh ?? ''),
      escapeHtml(roleName(u.role)),
      escapeHtml(r?.isDisabled === true ? T.disabled : T.active),
      `<span class="alarm">${escapeHtml(flagText[u.reason])}</span>`,
      approve,
    ];
  });
  const approvedAll = await db.query<CentralUserRow>(`SELECT ${CENTRAL_USER_COLUMNS} FROM central_users WHERE ($1::text IS NULL OR place = $1) ORDER BY place, username LIMIT $2`, [
    filter.place,
    MAX_LISTED_ROWS + 1,
  ]);
  const approved = approvedAll.slice(0, MAX_LISTED_ROWS);
  const more = `<p class="alarm">${escapeHtml(T.moreRows)}</p>`;
  const approvedRows = approved.map((u) => {
    const change = isAdmin
      ? `<form method="post" action="/console/users/change">${csrfField(user)}${back}<input type="hidden" name="username" value="${escapeHtml(u.username)}">
<label>${escapeHtml(T.role)} ${roleSelect(u.role)}</label><label>${escapeHtml(T.accountState)} <select name="state"><option value="active"${u.isDisabled ? '' : ' selected'}>${escapeHtml(T.active)}</option><option value="disabled"${u.isDisabled ? ' selected' : ''}>${escapeHtml(T.disabled)}</option></select></label>
<label>${escapeHtml(T.orderRef)} <input name="orderRef" required maxlength="100"></label><button>${escapeHtml(T.changeUser)}</button></form>`
      : '';
    return [
      escapeHtml(u.place),
      escapeHtml(u.username),
      escapeHtml(u.fullNameTh),
      escapeHtml(u.positionTh),
      escapeHtml(roleName(u.role)),
      u.isDisabled ? `<span class="alarm">${escapeHtml(T.disabled)}</span>` : escapeHtml(T.active),
      escapeHtml(u.orderRef),
      escapeHtml(instant(u.approvedAtMs)),
      escapeHtml(u.approvedBy ?? T.approvedByUnknown),
      change,
    ];
  });
  return page(
    T.usersTitle,
    `<h1>${escapeHtml(T.usersTitle)}</h1>${logoutForm(user)}${consoleNav('/console/users')}
${flashHtml(forms.takeFlash(user) ?? filter.message)}<p>${escapeHtml(T.usersIntro)}</p>${isAdmin ? '' : `<p class="alarm">${escapeHtml(T.adminOnlyNote)}</p>`}${placeFilterForm('/console/users', filter.place)}
<h2>${escapeHtml(T.flaggedUsers)}</h2>${flaggedRows.length === 0 ? `<p>${escapeHtml(T.noFlaggedUsers)}</p>` : table([T.terminal, T.username, T.fullNameTh, T.positionTh, T.role, T.accountState, T.flagReason, isAdmin ? T.flaggedAction : ''], flaggedRows)}${flaggedAll.length > MAX_LISTED_ROWS ? more : ''}
<h2>${escapeHtml(T.approvedUsers)}</h2>${approvedRows.length === 0 ? `<p>${escapeHtml(T.noApprovedUsers)}</p>` : table([T.place, T.username, T.fullNameTh, T.positionTh, T.role, T.accountState, T.orderRef, T.approvedAt, T.approvedBy, isAdmin ? T.changeAction : ''], approvedRows)}${approvedAll.length > MAX_LISTED_ROWS ? more : ''}`,
  );
}

export function registerConsoleUsers(fastify: FastifyInstance, db: CentralDb, nowMs: () => number, forms: ConsoleForms): void {
  fastify.get('/console/users', async (request, reply) => {
    const user = await forms.userOrLogin(request, reply);
    if (user === undefined) return reply;
    return forms.html(reply, 200, await usersPage(db, user, forms, request.query));
  });
  forms.adminPost(fastify, '/console/users/approve', '/console/users', 8192, async (form, user) => {
    await approveReportedUser(db, form, nowMs(), user.username);
    return { kind: 'ok', text: T.userApproved, detail: form['username'] ?? '' };
  });
  forms.adminPost(fastify, '/console/users/change', '/console/users', 8192, async (form, user) => {
    await changeCentralUser(db, form, nowMs(), user.username);
    return { kind: 'ok', text: T.userChanged, detail: form['username'] ?? '' };
  });
}
