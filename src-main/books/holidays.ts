import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildHolidayCalendar, type HolidayCalendar } from '../../src-shared/dates';
import { CodedError, unwrap } from '../../src-shared/result';
import { findResourcesDir } from '../platform/app-version';

let cached: HolidayCalendar | undefined;

/**
 * The government holidays shipped in `resources/holidays/<B.E. year>.json` (resources/holidays/README.md),
 * read once per process. Invalid data is refused whole (`HOLIDAYS_*`); a year without a file is
 * refused when asked about, never guessed.
 */
export function shippedHolidayCalendar(): HolidayCalendar {
  if (cached !== undefined) return cached;
  const resources = findResourcesDir();
  if (resources === null) throw new CodedError('HOLIDAYS_YEAR_NOT_LOADED', 'No resources/holidays folder was found beside the app');
  const dir = join(resources, 'holidays');
  const years = readdirSync(dir)
    .filter((name) => /^\d{4}\.json$/.test(name))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown);
  cached = unwrap(buildHolidayCalendar(years));
  return cached;
}
