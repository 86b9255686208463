import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildHolidayCalendar, type HolidayCalendar } from '../../src-shared/dates';
import { CodedError } from '../../src-shared/result';
import { findResourcesDir } from '../platform/app-version';

/** Largest holiday file read (a limit, style.md §14); a year of holidays is about 3 KB. */
const MAX_HOLIDAY_FILE_BYTES = 64 * 1024;

let cached: { dir: string; calendar: HolidayCalendar } | undefined;

/**
 * The government holiday calendar from `resources/holidays/*.json` (resources/holidays/README.md),
 * read once per folder. Invalid data is refused whole with its HOLIDAYS_* code.
 */
export function loadHolidayCalendar(dir = join(findResourcesDir() ?? 'resources', 'holidays')): HolidayCalendar {
  if (cached?.dir === dir) return cached.calendar;
  const files = readdirSync(dir).filter((name) => /^\d{4}\.json$/.test(name)).sort();
  const data = files.map((name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    if (text.length > MAX_HOLIDAY_FILE_BYTES) throw new CodedError('HOLIDAYS_INVALID_DATA', `${name} is larger than ${MAX_HOLIDAY_FILE_BYTES} bytes`);
    return JSON.parse(text) as unknown;
  });
  const built = buildHolidayCalendar(data);
  if (!built.ok) throw new CodedError(built.error.code, built.error.message);
  cached = { dir, calendar: built.value };
  return built.value;
}
