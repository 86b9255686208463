import type { FastifyInstance } from 'fastify';
import { feedBodySchema, feedItemProblem, type FeedBody } from '../../src-shared/sync';
import type { CentralDb } from '../db/client';
import { publishFeed } from '../feed';
import { consoleNav, escapeHtml, instant, page, table } from './console';
import { ConsoleFormError, csrfField, flashHtml, logoutForm, MAX_LISTED_ROWS, placeFilterForm, placeFilterOf, returnPlaceField, type ConsoleForms, type ConsoleFormCode, type ConsoleUser, type FlashMessage } from './forms';
import { CONSOLE_TEXT as T } from './text';
import { knownPlace } from './users';

/**
 * The console's feed page (issue 11): what central has published per stream (catalog versions,
 * holiday years, paper book assignments per office, payment confirmations counted), and the
 * administrator's forms to publish a catalog version, a holiday year or a book assignment. Each
 * is checked by the feed's schema and `feedItemProblem` (what the terminal applies on arrival),
 * then stored by `publishFeed`, the one writer; a refused one stores nothing.
 */
/** A pasted catalog or holiday year (the largest is a few hundred fee types). */
const FEED_FORM_BODY_LIMIT = 1024 * 1024;

interface LatestItem {
  readonly stream: string;
  readonly place: string | null;
  readonly itemKey: string;
  readonly body: string;
  readonly publishedAtMs: number;
  readonly versions: number;
}

function jsonOf(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '') as unknown;
  } catch (error) {
    throw new ConsoleFormError('BAD_JSON', (error as Error).message);
  }
}

/** A whole number in range from a form field, or the given code. */
function wholeOf(value: string | undefined, min: number, max: number, code: ConsoleFormCode): number {
  const text = (value ?? '').trim();
  if (!/^\d{1,9}$/.test(text)) throw new ConsoleFormError(code, `"${text}"`);
  const n = Number(text);
  if (n < min || n > max) throw new ConsoleFormError(code, `"${text}"`);
  return n;
}

/** Checked as the terminal checks it on arrival, then published (one item, all or nothing). */
async function publishOne(db: CentralDb, place: string | null, candidate: unknown, nowMs: number, publishedBy: string): Promise<FlashMessage> {
  const parsed = feedBodySchema.safeParse(candidate);
  if (!parsed.success) throw new ConsoleFormError('FEED_ITEM_INVALID', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ').slice(0, 1000));
  const problem = feedItemProblem(parsed.data);
  if (problem !== null) throw new ConsoleFormError('FEED_ITEM_INVALID', problem.slice(0, 1000));
  const result = await publishFeed(db, place, [parsed.data], nowMs, publishedBy);
  return result.published === 0 ? { kind: 'ok', text: T.alreadyPublished } : { kind: 'ok', text: T.published, detail: describe(parsed.data) };
}

function describe(body: FeedBody): string {
  switch (body.stream) {
    case 'catalog':
      return `catalog ${body.version}`;
    case 'holidays':
      return `holidays ${body.calendarYear}`;
    case 'book':
      return `book ${body.bookNo}`;
    case 'user':
      return `user ${body.username}`;
    case 'payment':
      return `payment ${body.bankCode}/${body.bankReference}`;
  }
}

async function feedPage(db: CentralDb, user: ConsoleUser, forms: ConsoleForms, query: unknown): Promise<string> {
  const isAdmin = user.role === 'admin';
  const filter = placeFilterOf(query);
  const latest = await db.query<LatestItem>(
    `SELECT DISTINCT ON (stream, item_key) stream, place, item_key AS "itemKey", body, published_at_ms AS "publishedAtMs", count(*) OVER (PARTITION BY stream, item_key)::int AS versions
     FROM feed_items WHERE stream IN ('catalog', 'holidays') OR (stream = 'book' AND ($1::text IS NULL OR place = $1)) ORDER BY stream, item_key, cursor DESC`,
    [filter.place],
  );
  const of = (stream: string) => latest.filter((i) => i.stream === stream).map((i) => ({ ...i, parsed: JSON.parse(i.body) as FeedBody }));
  const catalogRows = of('catalog')
    .sort((a, b) => Number(b.itemKey) - Number(a.itemKey))
    .map((i) => {
      const data = i.parsed.stream === 'catalog' ? (i.parsed.data as { feeTypes?: unknown }) : {};
      return [escapeHtml(i.itemKey), escapeHtml(Array.isArray(data.feeTypes) ? data.feeTypes.length : ''), escapeHtml(i.versions), escapeHtml(i.place ?? T.everyOffice), escapeHtml(instant(i.publishedAtMs))];
    });
  const holidayRows = of('holidays')
    .sort((a, b) => Number(a.itemKey) - Number(b.itemKey))
    .map((i) => {
      const data = i.parsed.stream === 'holidays' ? (i.parsed.data as { holidays?: unknown }) : {};
      return [escapeHtml(i.itemKey), escapeHtml(Number(i.itemKey) + 543), escapeHtml(Array.isArray(data.holidays) ? data.holidays.length : ''), escapeHtml(i.versions), escapeHtml(instant(i.publishedAtMs))];
    });
  const books = of('book');
  const bookRows = books
    .sort((a, b) => (a.place ?? '').localeCompare(b.place ?? '') || a.itemKey.localeCompare(b.itemKey))
    .map((i) => {
      const b = i.parsed.stream === 'book' ? i.parsed : undefined;
      const heldBy = b?.terminalSlot === null || b === undefined ? T.wholeOffice : `${T.terminalSlot} ${b.terminalSlot}`;
      return [escapeHtml(i.place ?? T.everyOffice), escapeHtml(i.itemKey), escapeHtml(b?.firstLeaf ?? ''), escapeHtml(b?.lastLeaf ?? ''), escapeHtml(heldBy), escapeHtml(instant(i.publishedAtMs))];
    })
    .slice(0, MAX_LISTED_ROWS);
  const payments = await db.query<{ place: string | null; n: number }>(
    `SELECT place, count(DISTINCT item_key)::int AS n FROM feed_items WHERE stream = 'payment' AND ($1::text IS NULL OR place = $1) GROUP BY place ORDER BY place NULLS FIRST LIMIT $2`,
    [filter.place, MAX_LISTED_ROWS],
  );
  const paymentRows = payments.map((p) => [escapeHtml(p.place ?? T.everyOffice), escapeHtml(p.n)]);
  const none = `<p>${escapeHtml(T.nothingPublished)}</p>`;
  const back = returnPlaceField(filter.place);
  const forms_ = isAdmin
    ? `<h2>${escapeHtml(T.publish)}</h2>
<form method="post" action="/console/feed/catalog"><fieldset><legend>${escapeHtml(T.publishCatalog)}</legend>${csrfField(user)}${back}
<label>${escapeHtml(T.catalogVersion)} <input name="version" inputmode="numeric" size="8" required></label>
<label class="block">${escapeHtml(T.catalogData)}<textarea name="data" rows="6" required></textarea></label><button>${escapeHtml(T.publish)}</button></fieldset></form>
<form method="post" action="/console/feed/holidays"><fieldset><legend>${escapeHtml(T.publishHolidays)}</legend>${csrfField(user)}${back}
<label class="block">${escapeHtml(T.holidaysData)}<textarea name="data" rows="6" required></textarea></label><button>${escapeHtml(T.publish)}</button></fieldset></form>
<form method="post" action="/console/feed/book"><fieldset><legend>${escapeHtml(T.publishBook)}</legend>${csrfField(user)}${back}
<label>${escapeHtml(T.place)} <input name="place" size="4" inputmode="numeric" required></label><label>${escapeHtml(T.bookNo)} <input name="bookNo" size="12" required></label>
<label>${escapeHtml(T.firstLeaf)} <input name="firstLeaf" size="7" inputmode="numeric" required></label><label>${escapeHtml(T.lastLeaf)} <input name="lastLeaf" size="7" inputmode="numeric" required></label>
<label>${escapeHtml(T.heldBy)} <select name="terminalSlot"><option value="office">${escapeHtml(T.wholeOffice)}</option>${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `<option value="${n}">${escapeHtml(`${T.terminalSlot} ${n}`)}</option>`).join('')}</select></label>
<button>${escapeHtml(T.publish)}</button></fieldset></form>`
    : `<p class="alarm">${escapeHtml(T.adminOnlyNote)}</p>`;
  return page(
    T.feedTitle,
    `<h1>${escapeHtml(T.feedTitle)}</h1>${logoutForm(user)}${consoleNav('/console/feed')}
${flashHtml(forms.takeFlash(user) ?? filter.message)}<p>${escapeHtml(T.feedIntro)}</p>${placeFilterForm('/console/feed', filter.place)}
<h2>${escapeHtml(T.feedCatalog)}</h2>${catalogRows.length === 0 ? none : table([T.catalogVersion, T.feeTypeCount, T.versions, T.office, T.publishedAt], catalogRows, new Set([0, 1, 2]))}
<h2>${escapeHtml(T.feedHolidays)}</h2>${holidayRows.length === 0 ? none : table([T.calendarYear, T.yearBe, T.holidayCount, T.versions, T.publishedAt], holidayRows, new Set([0, 1, 2, 3]))}
<h2>${escapeHtml(T.feedBooks)}</h2>${bookRows.length === 0 ? none : table([T.office, T.bookNo, T.firstLeaf, T.lastLeaf, T.heldBy, T.publishedAt], bookRows, new Set([2, 3]))}${books.length > MAX_LISTED_ROWS ? `<p class="alarm">${escapeHtml(T.moreRows)}</p>` : ''}
<h2>${escapeHtml(T.feedPayments)}</h2>${paymentRows.length === 0 ? none : table([T.office, T.paymentCount], paymentRows, new Set([1]))}
${forms_}`,
  );
}

export function registerConsoleFeed(fastify: FastifyInstance, db: CentralDb, nowMs: () => number, forms: ConsoleForms): void {
  fastify.get('/console/feed', async (request, reply) => {
    const user = await forms.userOrLogin(request, reply);
    if (user === undefined) return reply;
    return forms.html(reply, 200, await feedPage(db, user, forms, request.query));
  });
  forms.adminPost(fastify, '/console/feed/catalog', '/console/feed', FEED_FORM_BODY_LIMIT, async (form, user) => {
    const version = wholeOf(form['version'], 1, 1_000_000, 'BAD_VERSION');
    return publishOne(db, null, { stream: 'catalog', version, data: jsonOf(form['data']) }, nowMs(), user.username);
  });
  forms.adminPost(fastify, '/console/feed/holidays', '/console/feed', FEED_FORM_BODY_LIMIT, async (form, user) => {
    const data = jsonOf(form['data']);
    const year = typeof data === 'object' && data !== null ? (data as { calendarYear?: unknown }).calendarYear : undefined;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2200) throw new ConsoleFormError('BAD_YEAR', String(year));
    return publishOne(db, null, { stream: 'holidays', calendarYear: year, data }, nowMs(), user.username);
  });
  forms.adminPost(fastify, '/console/feed/book', '/console/feed', FEED_FORM_BODY_LIMIT, async (form, user) => {
    const place = await knownPlace(db, form['place']);
    const bookNo = (form['bookNo'] ?? '').trim();
    if (!/^[A-Z0-9][A-Z0-9-]{0,31}$/.test(bookNo)) throw new ConsoleFormError('BAD_BOOK_NO', `"${bookNo}"`);
    const firstLeaf = wholeOf(form['firstLeaf'], 1, 9_999_999, 'BAD_LEAF');
    const lastLeaf = wholeOf(form['lastLeaf'], 1, 9_999_999, 'BAD_LEAF');
    const slotText = form['terminalSlot'] ?? '';
    if (slotText !== 'office' && !/^[1-9]$/.test(slotText)) throw new ConsoleFormError('BAD_SLOT', `"${slotText}"`);
    const terminalSlot = slotText === 'office' ? null : Number(slotText);
    return publishOne(db, place, { stream: 'book', bookNo, firstLeaf, lastLeaf, terminalSlot, assignedAtMs: nowMs() }, nowMs(), user.username);
  });
}
