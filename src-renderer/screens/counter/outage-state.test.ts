import { describe, expect, it } from 'vitest';
import { openOutage, type Outage } from './outage-state';

const outage = (outageId: string, endedAtMs: number | null): Outage => ({ outageId, startedAtMs: 1, endedAtMs, cause: 'ไฟฟ้าดับ', reportedByUsername: 'operator', note: null });

describe('openOutage', () => {
  it('the home banner shows the outage that has no end', () => {
    expect(openOutage([outage('a', 5), outage('b', null)])?.outageId).toBe('b');
  });
  it('no banner when every outage has ended', () => {
    expect(openOutage([outage('a', 5)])).toBeNull();
    expect(openOutage([])).toBeNull();
  });
});
