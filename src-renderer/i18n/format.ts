import type { Language } from './language';

const BUDDHIST_ERA_OFFSET_YEARS = 543;
const BUSINESS_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DateStyle = 'long' | 'full';

/**
 * The one function that shows a business date ('YYYY-MM-DD', a Bangkok calendar day) to a person:
 * Thai in the Buddhist era with Thai month names ("5 มกราคม 2568"), English with the B.E. year
 * ("5 January 2568 B.E."). `full` adds the weekday. An unreadable date is shown as given.
 */
export function formatBusinessDate(isoDate: string, language: Language, style: DateStyle = 'long'): string {
  const match = BUSINESS_DATE_PATTERN.exec(isoDate);
  if (match === null) return isoDate;
  const [, year, month, day] = match;
  // Noon UTC is the same calendar day in Bangkok (UTC+7) whatever the time zone of this computer.
  const instant = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), 12));
  if (Number.isNaN(instant.getTime()) || instant.getUTCDate() !== Number(day)) return isoDate;
  if (language === 'th') {
    return new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { timeZone: 'Asia/Bangkok', dateStyle: style }).format(instant);
  }
  const dayAndMonth = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: 'long',
    ...(style === 'full' ? { weekday: 'long' } : {}),
  }).format(instant);
  return `${dayAndMonth} ${Number(year) + BUDDHIST_ERA_OFFSET_YEARS} B.E.`;
}

/** A moment (epoch ms) as a Bangkok date and time: B.E. in Thai ("2 ธ.ค. 2569 09:15"), the B.E. year in English too. */
export function formatMoment(epochMs: number, language: Language): string {
  const instant = new Date(epochMs);
  if (language === 'th') {
    return new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { timeZone: 'Asia/Bangkok', dateStyle: 'medium', timeStyle: 'short' }).format(instant);
  }
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${Number(part('year')) + BUDDHIST_ERA_OFFSET_YEARS} B.E. ${part('hour')}:${part('minute')}`;
}
