import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withSyncLock } from './lock';

describe('withSyncLock', () => {
  it('runs exchanges on one connection one after another, a failure not blocking the next; other connections are not held', async () => {
    const one = new Database(':memory:');
    const other = new Database(':memory:');
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = withSyncLock(one, () => new Promise<string>((resolve) => (release = () => resolve('first'))).then((v) => (order.push('first'), v)));
    const failing = withSyncLock(one, () => (order.push('failing'), Promise.reject(new Error('central away'))));
    const third = withSyncLock(one, () => (order.push('third'), Promise.resolve('third')));
    await withSyncLock(other, () => (order.push('other'), Promise.resolve()));
    expect(order).toEqual(['other']);
    release();
    expect(await first).toBe('first');
    await expect(failing).rejects.toThrow('central away');
    expect(await third).toBe('third');
    expect(order).toEqual(['other', 'first', 'failing', 'third']);
    one.close();
    other.close();
  });
});
