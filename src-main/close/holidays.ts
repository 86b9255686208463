import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { buildHolidayCalendar, holidayYearSchema, type HolidayCalendar, type HolidayYear } from '../../src-shared/dates';
import { CodedError } from '../../src-shared/result';
import { prepared } from '../ledger/statements';
import { findResourcesDir } from '../platform/app-version';
import type { Logger } from '../platform/logger';

/**
 * The office's one government holiday calendar (issue 11): the years shipped in
 * `resources/holidays/<B.E. year>.json` (resources/holidays/README.md) merged with the years pulled
 * from central (`central_holidays`, stored by sync/feed-apply.ts) — a pulled year replaces the
 * shipped one of that year. Weekends are always days off; a year in neither is refused when asked
 * about (HOLIDAYS_YEAR_NOT_LOADED), never guessed. Used by the remittance deadline and the overdue
 * alarm (reports/), the reports, and the field order's hand-over due date (books/).
 */

/** Largest holiday file read (a limit, style.md §14); a year of holidays is about 3 KB. */
const MAX_HOLIDAY_FILE_BYTES = 64 * 1024;

const defaultDir = (): string => join(findResourcesDir() ?? 'resources', 'holidays');

let shippedCache: { dir: string; years: readonly HolidayYear[] } | undefined;

/**
 * The shipped years, read once per folder; no folder is no years. A shipped file that is invalid is
 * the build's mistake: refused whole with its HOLIDAYS_* code (tests/close, resources/holidays).
 */
export function shippedHolidayYears(dir = defaultDir()): readonly HolidayYear[] {
  if (shippedCache?.dir === dir) return shippedCache.years;
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => /^\d{4}\.json$/.test(name)).sort() : [];
  const data = files.map((name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    if (text.length > MAX_HOLIDAY_FILE_BYTES) throw new CodedError('HOLIDAYS_INVALID_DATA', `${name} is larger than ${MAX_HOLIDAY_FILE_BYTES} bytes`);
    return JSON.parse(text) as unknown;
  });
  // The whole set checked together (duplicates, dates inside their year), then kept as parsed years.
  const built = buildHolidayCalendar(data);
  if (!built.ok) throw new CodedError(built.error.code, built.error.message);
  const years = data.map((raw) => holidayYearSchema.parse(raw));
  shippedCache = { dir, years };
  return years;
}

/** The shipped years alone (no database: tests, tools). The office uses `officeHolidayCalendar`. */
export function shippedHolidayCalendar(dir = defaultDir()): HolidayCalendar {
  return mergedCalendar(shippedHolidayYears(dir), []).calendar;
}

export interface RefusedHolidayYear {
  readonly year: number;
  readonly code: string;
  readonly message: string;
}

interface StoredYear {
  year: number;
  dataJson: string;
}

/** A stored year checked alone: one bad row is skipped (the shipped year, if any, stays), never the whole calendar. */
function checkStoredYear(row: StoredYear): { ok: true; year: HolidayYear } | { ok: false; refused: RefusedHolidayYear } {
  const refuse = (code: string, message: string) => ({ ok: false as const, refused: { year: row.year, code, message } });
  let data: unknown;
  try {
    data = JSON.parse(row.dataJson);
  } catch (error) {
    return refuse('HOLIDAYS_INVALID_DATA', `holidays ${row.year}: stored JSON unreadable (${(error as Error).message})`);
  }
  const alone = buildHolidayCalendar([data]);
  if (!alone.ok) return refuse(alone.error.code, alone.error.message);
  const year = holidayYearSchema.parse(data);
  if (year.calendarYear !== row.year) return refuse('HOLIDAYS_YEAR_MISMATCH', `holidays: the row of ${row.year} holds calendar year ${year.calendarYear}`);
  return { ok: true, year };
}

function mergedCalendar(shipped: readonly HolidayYear[], pulled: readonly HolidayYear[]): { calendar: HolidayCalendar; error?: { code: string; message: string } } {
  const byYear = new Map<number, HolidayYear>();
  for (const year of shipped) byYear.set(year.calendarYear, year);
  for (const year of pulled) byYear.set(year.calendarYear, year);
  const built = buildHolidayCalendar([...byYear.values()]);
  if (built.ok) return { calendar: built.value };
  // Only the number of years can fail here (each year was checked alone): keep the shipped ones.
  const shippedOnly = buildHolidayCalendar(shipped);
  if (!shippedOnly.ok) throw new CodedError(shippedOnly.error.code, shippedOnly.error.message);
  return { calendar: shippedOnly.value, error: built.error };
}

interface CachedCalendar {
  readonly key: string;
  readonly calendar: HolidayCalendar;
  readonly refused: readonly RefusedHolidayYear[];
  logged: boolean;
}

const caches = new WeakMap<Database.Database, CachedCalendar>();

/**
 * The office's holiday calendar: shipped years with the pulled ones over them. Cached per database
 * connection; one aggregate over `central_holidays` per call finds a pulled year added or replaced
 * (every replacement carries a higher feed cursor). A stored year that fails validation is skipped
 * and logged (warn `holidays.yearRefused`, once, by the first caller with a logger).
 */
export function officeHolidayCalendar(sqlite: Database.Database, logger?: Logger, dir = defaultDir()): HolidayCalendar {
  const stamp = prepared(sqlite, 'SELECT count(*) AS n, total(cursor) AS c FROM central_holidays').get() as { n: number; c: number };
  const key = `${dir}|${stamp.n}|${stamp.c}`;
  let entry = caches.get(sqlite);
  if (entry?.key !== key) {
    const rows = prepared(sqlite, 'SELECT year, data_json AS dataJson FROM central_holidays ORDER BY year').all() as StoredYear[];
    const pulled: HolidayYear[] = [];
    const refused: RefusedHolidayYear[] = [];
    for (const row of rows) {
      const checked = checkStoredYear(row);
      if (checked.ok) pulled.push(checked.year);
      else refused.push(checked.refused);
    }
    const merged = mergedCalendar(shippedHolidayYears(dir), pulled);
    if (merged.error !== undefined) refused.push({ year: 0, code: merged.error.code, message: `${merged.error.message}; the pulled years are not used` });
    entry = { key, calendar: merged.calendar, refused, logged: refused.length === 0 };
    caches.set(sqlite, entry);
  }
  if (!entry.logged && logger !== undefined) {
    entry.logged = true;
    for (const r of entry.refused) logger.warn('holidays.yearRefused', { year: r.year, code: r.code, message: r.message });
  }
  return entry.calendar;
}
