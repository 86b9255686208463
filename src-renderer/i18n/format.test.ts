import { describe, expect, it } from 'vitest';
import { formatBusinessDate } from './format';

describe('formatBusinessDate', () => {
  it('shows Thai dates in the Buddhist era with Thai month names', () => {
    expect(formatBusinessDate('2025-01-05', 'th')).toBe('5 มกราคม 2568');
    expect(formatBusinessDate('2024-12-31', 'th')).toBe('31 ธันวาคม 2567');
  });

  it('adds the weekday in the full style', () => {
    expect(formatBusinessDate('2025-01-05', 'th', 'full')).toBe('วันอาทิตย์ที่ 5 มกราคม พ.ศ. 2568');
    expect(formatBusinessDate('2025-01-05', 'en', 'full')).toBe('Sunday 5 January 2568 B.E.');
  });

  it('shows English dates with the B.E. year', () => {
    expect(formatBusinessDate('2025-01-05', 'en')).toBe('5 January 2568 B.E.');
  });

  it('is the Bangkok calendar day whatever the time zone of the computer', () => {
    // Business dates are calendar days; midnight or 23:59 never shifts them.
    expect(formatBusinessDate('2025-03-01', 'th')).toBe('1 มีนาคม 2568');
    expect(formatBusinessDate('2024-02-29', 'en')).toBe('29 February 2567 B.E.');
  });

  it('leaves an unreadable date as it is rather than inventing one', () => {
    expect(formatBusinessDate('2025-02-30', 'th')).toBe('2025-02-30');
    expect(formatBusinessDate('05/01/2025', 'th')).toBe('05/01/2025');
  });
});
