import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatSatang } from '../../src-shared/money';
import { SYNC_ERROR_STATUS, type CONSOLE_USER_ROLES } from '../../src-shared/sync';
import { formatThaiDateNumeric, formatThaiDateTime } from '../../src-shared/dates/thai-date-format';
import type { BusinessDate } from '../../src-shared/dates/business-date';
import type { CentralDb, Sql } from '../db/client';
import { sha256Hex } from '../crypto';
import { CentralError } from '../errors';
import { flaggedUsers } from '../feed';
import { listOffices, provinceOfPlace, setOfficeKind } from '../offices';
import { decideApproval } from '../pull';
import { openOutages, overdueBillPayments, overdueRemittances, receiptStatistics } from './alarms';
import { csrfField, logoutForm, type ConsoleForms, type ConsoleUser } from './forms';
import { CONSOLE_TEXT as T } from './text';

/**
 * The console served by the server (issue 11), in Thai with English: login, offices and terminals
 * with sync state and completeness, alarms (tamper, chain, completeness, silent terminals),
 * collections by province and revenue code, and the approvals waiting (a supervisor approves here;
 * the terminal pulls the decision). Server-rendered HTML, every value escaped.
 */
export type ConsoleRole = (typeof CONSOLE_USER_ROLES)[number];
const SESSION_COOKIE = 'ebill_console';
const SESSION_TTL_MS = 8 * 60 * 60_000;
/** A terminal that has not pushed for this long is flagged silent. */
export const SILENT_AFTER_MS = 24 * 60 * 60_000;
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const escapeHtml = (value: string | number): string =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export async function addConsoleUser(sql: Sql, user: { username: string; nameTh: string; role: ConsoleRole; password: string }, nowMs: number): Promise<void> {
  if (!/^[a-z0-9._-]{3,64}$/.test(user.username)) throw new CentralError('BAD_INPUT', 'A username is 3–64 of a-z 0-9 . _ -');
  if (user.password.length < 10) throw new CentralError('BAD_INPUT', 'A console password has at least 10 characters');
  await sql.query('INSERT INTO console_users (username, name_th, role, password_hash, created_at_ms) VALUES ($1, $2, $3, $4, $5)', [user.username, user.nameTh, user.role, await hash(user.password, ARGON2_OPTIONS), nowMs]);
}

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:Sarabun,"TH Sarabun New",sans-serif;margin:1.5rem;color:#1a1a1a}table{border-collapse:collapse;margin-bottom:1.5rem}th,td{border:1px solid #999;padding:.3rem .6rem;text-align:left}td.n{text-align:right}.alarm{color:#a00;font-weight:bold}.notice{color:#14602b;font-weight:bold}ul.nav{list-style:none;padding:0;display:flex;gap:1.2rem}ul.nav a[aria-current]{font-weight:bold}fieldset{margin-bottom:1rem;max-width:60rem}label{display:inline-block;margin:.2rem .8rem .2rem 0}textarea{width:100%;font-family:monospace}label.block{display:block}</style>
</head><body>${body}</body></html>`;
}

export function table(headers: readonly string[], rows: readonly string[][], numeric: ReadonlySet<number> = new Set()): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((cell, i) => `<td${numeric.has(i) ? ' class="n"' : ''}>${cell}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const kindText = (kind: string): string => (kind === 'tamper' ? T.kindTamper : kind === 'chain-broken' ? T.kindChainBroken : kind === 'completeness' ? T.kindCompleteness : kind);
const beDate = (date: string | null): string => (date === null ? '' : formatThaiDateNumeric(date as BusinessDate));
/** An instant in Bangkok time with the Buddhist-era year: "2 ธ.ค. 2569 เวลา 09:00". */
export const instant = (ms: number | null): string => (ms === null ? T.never : formatThaiDateTime(Number(ms), { month: 'short' }));

/** A bar chart of collections by province (inline SVG, no script): one bar per province, its total in baht beside it. */
function provinceChart(stats: readonly { province: string; satang: number }[]): string {
  const byProvince = new Map<string, number>();
  for (const s of stats) byProvince.set(s.province, (byProvince.get(s.province) ?? 0) + Number(s.satang));
  if (byProvince.size === 0) return '';
  const rows = [...byProvince.entries()].sort((a, b) => b[1] - a[1]).slice(0, 80);
  const max = Math.max(...rows.map(([, v]) => v), 1);
  const barHeight = 18;
  const bars = rows
    .map(([province, satang], i) => {
      const width = Math.max(1, Math.round((satang / max) * 480));
      const y = i * (barHeight + 4);
      return `<text x="0" y="${y + 13}">${escapeHtml(province)}</text><rect x="40" y="${y}" width="${width}" height="${barHeight}" fill="#2b5c8a"></rect><text x="${width + 46}" y="${y + 13}">${escapeHtml(formatSatang(satang))}</text>`;
    })
    .join('');
  return `<figure><figcaption>${escapeHtml(T.chart)}</figcaption><svg role="img" aria-label="${escapeHtml(T.chart)}" width="700" height="${rows.length * (barHeight + 4)}" font-size="12">${bars}</svg></figure>`;
}

async function overview(db: CentralDb, nowMs: number, user: ConsoleUser): Promise<string> {
  const canApprove = user.role === 'supervisor';
  const canAcknowledge = user.role === 'supervisor' || user.role === 'admin';
  const terminals = await db.query<{ id: string; hw: number; lastPush: number | null; revoked: boolean; day: string | null; n: number | null; satang: number | null; closedDay: string | null }>(
    `SELECT t.id, t.high_water_seq AS hw, t.last_push_at_ms AS "lastPush",
            (SELECT max(x.business_date) FROM central_day_closes x WHERE x.terminal_id = t.id AND x.kind = 'close') AS "closedDay",
            NOT EXISTS (SELECT 1 FROM terminal_keys k WHERE k.terminal_id = t.id AND k.revoked_at_ms IS NULL) AS revoked,
            d.business_date AS day, d.entry_count AS n, d.receipts_satang AS satang
     FROM terminals t
     LEFT JOIN LATERAL (SELECT * FROM day_completeness c WHERE c.terminal_id = t.id ORDER BY c.business_date DESC LIMIT 1) d ON true
     ORDER BY t.id`,
  );
  const outages = await openOutages(db);
  const inOutage = new Set(outages.map((o) => o.terminalId));
  const terminalRows = terminals.map((t) => {
    const isSilent = t.lastPush === null || nowMs - t.lastPush > SILENT_AFTER_MS;
    const outage = inOutage.has(t.id) ? ` <span class="alarm">${escapeHtml(T.inOutage)}</span>` : '';
    const state = (t.revoked ? T.revoked : isSilent ? `<span class="alarm">${escapeHtml(T.silent)}</span>` : escapeHtml(T.ok)) + outage;
    return [escapeHtml(t.id), escapeHtml(t.hw), escapeHtml(instant(t.lastPush)), escapeHtml(beDate(t.day)), escapeHtml(t.n ?? ''), escapeHtml(t.satang === null ? '' : formatSatang(t.satang)), escapeHtml(beDate(t.closedDay)), state];
  });
  const alarms = await db.query<{ id: string; kind: string; terminalId: string; seq: number | null; detail: string; atMs: number }>(
    'SELECT id, kind, terminal_id AS "terminalId", seq, detail, at_ms AS "atMs" FROM alarms WHERE NOT is_acknowledged ORDER BY at_ms DESC LIMIT 100',
  );
  const acknowledge = (id: string) =>
    canAcknowledge ? `<form method="post" action="/console/alarms/${escapeHtml(id)}/acknowledge">${csrfField(user)}<button>${escapeHtml(T.acknowledge)}</button></form>` : '';
  const alarmRows = alarms.map((a) => [
    `<span class="alarm">${escapeHtml(kindText(a.kind))}</span>`,
    escapeHtml(a.terminalId),
    escapeHtml(a.seq ?? ''),
    escapeHtml(a.detail),
    escapeHtml(instant(a.atMs)),
    acknowledge(a.id),
  ]);
  const acknowledged = await db.query<{ kind: string; terminalId: string; detail: string; atMs: number; by: string; byAtMs: number }>(
    `SELECT kind, terminal_id AS "terminalId", detail, at_ms AS "atMs", acknowledged_by AS by, acknowledged_at_ms AS "byAtMs"
     FROM alarms WHERE is_acknowledged AND acknowledged_by IS NOT NULL ORDER BY acknowledged_at_ms DESC LIMIT 50`,
  );
  const acknowledgedRows = acknowledged.map((a) => [escapeHtml(kindText(a.kind)), escapeHtml(a.terminalId), escapeHtml(a.detail), escapeHtml(instant(a.atMs)), escapeHtml(a.by), escapeHtml(instant(a.byAtMs))]);
  const silentOffices = await db.query<{ place: string; terminals: number; lastPush: number | null }>(
    `SELECT place, count(*)::int AS terminals, max(last_push_at_ms) AS "lastPush" FROM terminals GROUP BY place
     HAVING coalesce(max(last_push_at_ms), 0) < $1 ORDER BY place`,
    [nowMs - SILENT_AFTER_MS],
  );
  const silentRows = silentOffices.map((o) => [`<span class="alarm">${escapeHtml(o.place)}</span>`, escapeHtml(o.terminals), escapeHtml(instant(o.lastPush))]);
  const flagged = await flaggedUsers(db);
  const flagText = { 'not-approved': T.notApproved, 'role-differs': T.roleDiffers, 'other-office': T.otherOffice } as const;
  const flaggedRows = flagged.map((u) => [escapeHtml(u.terminalId), escapeHtml(`${u.username} (${u.fullNameTh})`), escapeHtml(u.role), escapeHtml(flagText[u.reason])]);
  const stats = await receiptStatistics(db);
  const statRows = stats.map((s) => [escapeHtml(s.province), escapeHtml(s.revenueCode), escapeHtml(s.n), escapeHtml(s.paper), escapeHtml(formatSatang(s.satang))]);
  const overdue = await overdueRemittances(db, nowMs);
  const overdueRows = overdue.map((o) => [
    `<span class="alarm">${escapeHtml(o.place)}</span>`,
    escapeHtml(beDate(o.businessDate)),
    escapeHtml(formatSatang(o.cashSatang)),
    escapeHtml(o.deadlineMs === null ? T.noHolidayData : instant(o.deadlineMs)),
    escapeHtml(o.terminalIds.join(', ')),
  ]);
  const outageRows = outages.map((o) => [`<span class="alarm">${escapeHtml(o.place)}</span>`, escapeHtml(o.terminalId), escapeHtml(instant(o.startedAtMs)), escapeHtml(o.cause ?? '')]);
  const pending = await db.query<{ id: string; terminalId: string; action: string; subject: string; reasonCode: string; reasonText: string }>(
    `SELECT id, terminal_id AS "terminalId", action, subject, reason_code AS "reasonCode", reason_text AS "reasonText" FROM approval_requests WHERE status = 'pending' ORDER BY requested_at_ms LIMIT 200`,
  );
  const decide = (id: string) =>
    canApprove
      ? `<form method="post" action="/console/approvals/${escapeHtml(id)}">${csrfField(user)}<button name="decision" value="approve">${escapeHtml(T.approve)}</button> <button name="decision" value="reject">${escapeHtml(T.reject)}</button></form>`
      : '';
  const approvalRows = pending.map((p) => [escapeHtml(p.terminalId), escapeHtml(p.action), escapeHtml(p.subject), escapeHtml(`${p.reasonCode}: ${p.reasonText}`), decide(p.id)]);
  // Who decided each request is kept in approval_requests (pull.ts `decideApproval`) and pulled by the terminal with the decision.
  const decided = await db.query<{ terminalId: string; action: string; subject: string; status: string; by: string | null; byNameTh: string | null; atMs: number | null }>(
    `SELECT terminal_id AS "terminalId", action, subject, status, supervisor_username AS by, supervisor_name_th AS "byNameTh", decided_at_ms AS "atMs"
     FROM approval_requests WHERE status <> 'pending' ORDER BY decided_at_ms DESC NULLS LAST, id LIMIT 50`,
  );
  const decidedRows = decided.map((d) => [
    escapeHtml(d.terminalId),
    escapeHtml(d.action),
    escapeHtml(d.subject),
    d.status === 'approved' ? escapeHtml(T.decisionApproved) : `<span class="alarm">${escapeHtml(T.decisionRejected)}</span>`,
    escapeHtml(d.by === null ? '' : `${d.by} (${d.byNameTh ?? ''})`),
    escapeHtml(instant(d.atMs)),
  ]);
  return page(
    T.title,
    `<h1>${escapeHtml(T.title)}</h1>${logoutForm(user)}${consoleNav('/console')}
<h2>${escapeHtml(T.terminals)}</h2>${table([T.terminal, T.highWater, T.lastPush, T.lastDay, T.dayEntries, T.dayReceipts, T.lastClosedDay, T.state], terminalRows, new Set([1, 4, 5]))}
<h2>${escapeHtml(T.alarms)}</h2>${alarmRows.length === 0 ? `<p>${escapeHtml(T.noAlarms)}</p>` : table([T.alarmKind, T.terminal, T.alarmSeq, T.alarmDetail, T.alarmAt, ''], alarmRows)}
<h2>${escapeHtml(T.overdueRemittances)}</h2>${overdueRows.length === 0 ? `<p>${escapeHtml(T.noOverdue)}</p>` : table([T.office, T.businessDay, T.cashNotRemitted, T.deadline, T.terminal], overdueRows, new Set([2]))}
${await billPaymentAlarms(db, nowMs)}
<h2>${escapeHtml(T.outages)}</h2>${outageRows.length === 0 ? `<p>${escapeHtml(T.noOutages)}</p>` : table([T.office, T.terminal, T.outageSince, T.outageCause], outageRows)}
<h2>${escapeHtml(T.silentOffices)}</h2>${silentRows.length === 0 ? `<p>${escapeHtml(T.noSilentOffices)}</p>` : table([T.office, T.terminalCount, T.lastPush], silentRows, new Set([1]))}
<h2>${escapeHtml(T.flaggedUsers)}</h2>${flaggedRows.length === 0 ? `<p>${escapeHtml(T.noFlaggedUsers)}</p>` : table([T.terminal, T.user, T.role, T.flagReason], flaggedRows)}
${acknowledgedRows.length === 0 ? '' : `<h2>${escapeHtml(T.acknowledged)}</h2>${table([T.alarmKind, T.terminal, T.alarmDetail, T.alarmAt, T.acknowledgedBy, T.acknowledgedAt], acknowledgedRows)}`}
<h2>${escapeHtml(T.approvals)}</h2>${approvalRows.length === 0 ? `<p>${escapeHtml(T.noApprovals)}</p>` : table([T.terminal, T.action, T.subject, T.reason, ''], approvalRows)}
${decidedRows.length === 0 ? '' : `<h2>${escapeHtml(T.decidedApprovals)}</h2>${table([T.terminal, T.action, T.subject, T.decision, T.decidedBy, T.decidedAt], decidedRows)}`}
<h2>${escapeHtml(T.stats)}</h2>${provinceChart(stats)}${table([T.province, T.revenueCode, T.receiptCount, T.paperCount, T.amount], statRows, new Set([2, 3, 4]))}<p>${escapeHtml(T.statsNote)}</p>`,
  );
}

/**
 * The bill-payment half of the overdue-remittance alarm (alarms.ts `overdueBillPayments`): per
 * provincial office and day, and, as an alarm of its own kind, the bill payments of provinces with
 * no provincial office registered (nobody remits them).
 */
async function billPaymentAlarms(db: Sql, nowMs: number): Promise<string> {
  const overdue = await overdueBillPayments(db, nowMs);
  const deadline = (ms: number | null) => escapeHtml(ms === null ? T.noHolidayData : instant(ms));
  const atProvincial = overdue.filter((o) => o.provincialPlace !== null);
  const orphan = overdue.filter((o) => o.provincialPlace === null);
  const atProvincialRows = atProvincial.map((o) => [
    `<span class="alarm">${escapeHtml(o.provincialPlace ?? '')}</span>`,
    escapeHtml(o.province),
    escapeHtml(beDate(o.businessDate)),
    escapeHtml(formatSatang(o.billPaymentSatang)),
    escapeHtml(o.receiptCount),
    deadline(o.deadlineMs),
    escapeHtml(o.places.join(', ')),
  ]);
  const orphanRows = orphan.map((o) => [
    `<span class="alarm">${escapeHtml(T.noProvincialOfficeFor.replaceAll('{province}', o.province))}</span>`,
    escapeHtml(beDate(o.businessDate)),
    escapeHtml(formatSatang(o.billPaymentSatang)),
    escapeHtml(o.receiptCount),
    deadline(o.deadlineMs),
    escapeHtml(o.places.join(', ')),
  ]);
  return `<h2>${escapeHtml(T.overdueBillPayments)}</h2>${
    atProvincialRows.length === 0 ? `<p>${escapeHtml(T.noOverdueBillPayments)}</p>` : table([T.provincialOffice, T.province, T.bankDay, T.billPaymentsNotRemitted, T.receiptCount, T.deadline, T.offices], atProvincialRows, new Set([3, 4]))
  }${orphanRows.length === 0 ? '' : `<h2>${escapeHtml(T.noProvincialOffice)}</h2>${table([T.alarmKind, T.bankDay, T.billPaymentsNotRemitted, T.receiptCount, T.deadline, T.offices], orphanRows, new Set([2, 3]))}`}<p>${escapeHtml(T.billPaymentDayNote)}</p>`;
}

const officeKindText = (kind: string, isSet: boolean): string =>
  `${escapeHtml(kind === 'provincial' ? T.kindProvincial : T.kindDistrict)}${isSet ? '' : ` <span class="alarm">(${escapeHtml(T.kindNotSet)})</span>`}`;

function kindSelect(current: string): string {
  const option = (kind: string, label: string) => `<option value="${kind}"${kind === current ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  return `<select name="kind" aria-label="${escapeHtml(T.officeKind)}">${option('district', T.kindDistrict)}${option('provincial', T.kindProvincial)}</select>`;
}

/** What the offices page says above its table after a POST: saved, unchanged, or why it was refused (nothing changed). */
export interface OfficesNotice {
  readonly isRefusal: boolean;
  readonly text: string;
}

/**
 * `/console/offices`: every office central knows (from its terminals and from the registry) with
 * its kind ("not set" when it is not registered: a district office), province, terminals and last
 * push; an administrator sets the kind here, everyone else only reads.
 */
export async function officesPage(db: Sql, user: Pick<ConsoleUser, 'role' | 'token'>, notice?: OfficesNotice): Promise<string> {
  const canSet = user.role === 'admin';
  const offices = await listOffices(db);
  const rows = offices.map((o) => {
    const form = canSet
      ? `<form method="post" action="/console/offices">${csrfField(user)}<input type="hidden" name="place" value="${escapeHtml(o.place)}">${kindSelect(o.kind)} <input name="nameTh" value="${escapeHtml(o.nameTh ?? '')}" aria-label="${escapeHtml(T.officeName)}" size="28"> <button>${escapeHtml(T.setKind)}</button></form>`
      : null;
    return [
      escapeHtml(o.place),
      escapeHtml(o.nameTh ?? ''),
      officeKindText(o.kind, o.isSet),
      escapeHtml(o.province),
      escapeHtml(o.terminals),
      escapeHtml(o.terminals === 0 ? '' : instant(o.lastPushAtMs)),
      escapeHtml(o.setBy ?? ''),
      escapeHtml(o.setAtMs === null ? '' : instant(o.setAtMs)),
      ...(form === null ? [] : [form]),
    ];
  });
  const provinces = [...new Set(offices.map((o) => o.province))];
  const withProvincial = new Set(offices.filter((o) => o.kind === 'provincial').map((o) => o.province));
  const without = provinces.filter((p) => !withProvincial.has(p));
  const headers = [T.office, T.officeName, T.officeKind, T.province, T.terminalCount, T.lastPush, T.setBy, T.setAt, ...(canSet ? [''] : [])];
  const add = canSet
    ? `<h2>${escapeHtml(T.addOffice)}</h2><form method="post" action="/console/offices">${csrfField(user)}<label>${escapeHtml(T.placeCode)} <input name="place" inputmode="numeric" maxlength="4" size="6"></label> ${kindSelect('provincial')} <label>${escapeHtml(T.officeName)} <input name="nameTh" size="28"></label> <button>${escapeHtml(T.setKind)}</button></form>`
    : '';
  const shownNotice = notice === undefined ? '' : `<p${notice.isRefusal ? ' class="alarm" role="alert"' : ' role="status"'}>${escapeHtml(notice.text)}</p>`;
  return page(
    T.officesTitle,
    `<h1>${escapeHtml(T.officesTitle)}</h1>${logoutForm(user)}${consoleNav('/console/offices')}${shownNotice}
<p>${escapeHtml(T.officesNote)}</p>
${rows.length === 0 ? `<p>${escapeHtml(T.noOffices)}</p>` : table(headers, rows, new Set([4]))}
<p>${without.length === 0 ? escapeHtml(T.provincesAllSet) : `<span class="alarm">${escapeHtml(T.provincesWithout)}: ${escapeHtml(without.join(', '))}</span>`}</p>${add}`,
  );
}

/** The routes of the offices page: GET for every console user, POST (set a kind) for an administrator only, through `forms.post` (CSRF). */
export function registerOfficesPage(fastify: FastifyInstance, db: CentralDb, nowMs: () => number, forms: ConsoleForms): void {
  fastify.get<{ Querystring: { set?: string; changed?: string } }>('/console/offices', async (request, reply) => {
    const user = await forms.userOrLogin(request, reply);
    if (user === undefined) return reply;
    const { set, changed } = request.query;
    const notice = set === undefined || !/^\d{4}$/.test(set) ? undefined : { isRefusal: false, text: `${set}: ${changed === '0' ? T.officeUnchanged : T.officeSaved}` };
    return forms.html(reply, 200, await officesPage(db, user, notice));
  });
  const forbidden = async (reply: FastifyReply, user: ConsoleUser) => forms.html(reply, 403, await officesPage(db, user, { isRefusal: true, text: T.forbiddenOffices }));
  forms.post(fastify, '/console/offices', { returnTo: '/console/offices', bodyLimit: FORM_BODY_LIMIT, roles: ['admin'], forbidden }, async (_request, reply, fields, user) => {
    const nameTh = fields['nameTh']?.trim();
    try {
      const set = await setOfficeKind(db, { place: fields['place'] ?? '', kind: fields['kind'] ?? '', setBy: user.username, ...(nameTh === undefined || nameTh === '' ? {} : { nameTh }) }, nowMs());
      return reply.code(303).header('location', `/console/offices?set=${set.place}&changed=${set.changed ? 1 : 0}`).send();
    } catch (error) {
      if (!(error instanceof CentralError) || (error.code !== 'PROVINCIAL_OFFICE_EXISTS' && error.code !== 'BAD_INPUT')) throw error;
      let text = `${T.officeBadInput} (${error.message})`;
      if (error.code === 'PROVINCIAL_OFFICE_EXISTS') {
        const province = provinceOfPlace(fields['place'] ?? '');
        const other = (await listOffices(db)).find((o) => o.province === province && o.kind === 'provincial')?.place ?? '';
        text = T.officeProvincialExists.replaceAll('{province}', province).replaceAll('{other}', other);
      }
      return forms.html(reply, SYNC_ERROR_STATUS[error.code], await officesPage(db, user, { isRefusal: true, text }));
    }
  });
}

function loginPage(isRefused: boolean): string {
  return page(
    T.loginTitle,
    `<h1>${escapeHtml(T.loginTitle)}</h1>${isRefused ? `<p class="alarm">${escapeHtml(T.badLogin)}</p>` : ''}
<form method="post" action="/console/login"><p><label>${escapeHtml(T.username)} <input name="username" autocomplete="username"></label></p>
<p><label>${escapeHtml(T.password)} <input name="password" type="password" autocomplete="current-password"></label></p><button>${escapeHtml(T.login)}</button></form>`,
  );
}

/** The console's navigation: one link per page, the current one marked. */
export function consoleNav(current: string): string {
  const links: readonly [string, string][] = [
    ['/console', T.navOverview],
    ['/console/users', T.navUsers],
    ['/console/feed', T.navFeed],
    ['/console/offices', T.navOffices],
  ];
  return `<nav aria-label="${escapeHtml(T.navLabel)}"><ul class="nav">${links
    .map(([href, label]) => `<li><a href="${href}"${href === current ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a></li>`)
    .join('')}</ul></nav>`;
}

/** The console user of this request's session cookie and the cookie itself (the CSRF token is derived from it), or undefined. */
export async function consoleSession(sql: Sql, request: FastifyRequest, nowMs: number): Promise<{ username: string; nameTh: string; role: ConsoleRole; token: string } | undefined> {
  const token = cookieOf(request);
  if (token === undefined) return undefined;
  const user = (
    await sql.query<{ username: string; nameTh: string; role: ConsoleRole }>(
      'SELECT u.username, u.name_th AS "nameTh", u.role FROM console_sessions s JOIN console_users u ON u.username = s.username WHERE s.token_sha256 = $1 AND s.expires_at_ms > $2',
      [sha256Hex(token), nowMs],
    )
  )[0];
  return user === undefined ? undefined : { ...user, token };
}

function cookieOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie ?? '';
  const found = header.split(';').map((c) => c.trim()).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return found?.slice(SESSION_COOKIE.length + 1);
}

/** The body limit of the console's small forms (login, approvals, alarms, offices, logout). */
const FORM_BODY_LIMIT = 4096;

export function registerConsole(fastify: FastifyInstance, db: CentralDb, nowMs: () => number, forms: ConsoleForms): void {
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  const html = (reply: FastifyReply, status: number, body: string) => forms.html(reply, status, body);
  const form = (request: FastifyRequest): Record<string, string> => (typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, string>) : {});

  fastify.get('/console/login', (_request, reply) => html(reply, 200, loginPage(false)));
  // The login is the one POST without a token: there is no session yet to derive it from.
  fastify.post('/console/login', async (request, reply) => {
    const { username = '', password = '' } = form(request);
    const user = (await db.query<{ hash: string }>('SELECT password_hash AS hash FROM console_users WHERE username = $1', [username]))[0];
    const isGood = user !== undefined && (await verify(user.hash, password).catch(() => false));
    if (!isGood) return html(reply, 401, loginPage(true));
    const token = randomBytes(32).toString('base64url');
    await db.query('INSERT INTO console_sessions (token_sha256, username, expires_at_ms) VALUES ($1, $2, $3)', [sha256Hex(token), username, nowMs() + SESSION_TTL_MS]);
    return reply.code(303).header('set-cookie', `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/console; Max-Age=${SESSION_TTL_MS / 1000}`).header('location', '/console').send();
  });
  forms.post(fastify, '/console/logout', { returnTo: '/console', bodyLimit: FORM_BODY_LIMIT }, async (_request, reply, _form, user) => {
    await db.query('DELETE FROM console_sessions WHERE token_sha256 = $1', [sha256Hex(user.token)]);
    return reply.code(303).header('set-cookie', `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/console; Max-Age=0`).header('location', '/console/login').send();
  });
  fastify.get('/console', async (request, reply) => {
    const user = await forms.userOrLogin(request, reply);
    if (user === undefined) return reply;
    return html(reply, 200, await overview(db, nowMs(), user));
  });
  registerOfficesPage(fastify, db, nowMs, forms);
  const forbidden = (text: string) => (reply: FastifyReply) => html(reply, 403, page(T.title, `${consoleNav('/console')}<p class="alarm">${escapeHtml(text)}</p>`));
  forms.post(fastify, '/console/approvals/:id', { returnTo: '/console', bodyLimit: FORM_BODY_LIMIT, roles: ['supervisor'], forbidden: forbidden(T.forbidden) }, async (request, reply, fields, user) => {
    const { decision } = fields;
    if (decision !== 'approve' && decision !== 'reject') throw new CentralError('BAD_INPUT', 'decision is approve or reject');
    await decideApproval(db, { id: (request.params as { id: string }).id, isApproved: decision === 'approve', supervisorUsername: user.username, supervisorNameTh: user.nameTh }, nowMs());
    return reply.code(303).header('location', '/console').send();
  });
  forms.post(
    fastify,
    '/console/alarms/:id/acknowledge',
    { returnTo: '/console', bodyLimit: FORM_BODY_LIMIT, roles: ['supervisor', 'admin'], forbidden: forbidden(T.forbiddenAcknowledge) },
    async (request, reply, _fields, user) => {
      await acknowledgeAlarm(db, (request.params as { id: string }).id, user.username, nowMs());
      return reply.code(303).header('location', '/console').send();
    },
  );
}

/** Marks an alarm acknowledged by a console user, once (who and when are kept). */
export async function acknowledgeAlarm(sql: Sql, id: string, username: string, nowMs: number): Promise<void> {
  const rows = await sql.query('UPDATE alarms SET is_acknowledged = true, acknowledged_by = $2, acknowledged_at_ms = $3 WHERE id = $1 AND NOT is_acknowledged RETURNING id', [id, username, nowMs]);
  if (rows.length > 0) return;
  const exists = await sql.query('SELECT 1 FROM alarms WHERE id = $1', [id]);
  throw new CentralError(exists.length === 0 ? 'NOT_FOUND' : 'BAD_INPUT', exists.length === 0 ? 'No such alarm' : 'This alarm has been acknowledged already');
}
