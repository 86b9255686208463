import { describe, expect, it } from 'vitest';
import { checkHtmlSize, countPdfPages, pxToMm, RENDER_LIMITS, serialQueue } from './renderer';

describe('renderer helpers', () => {
  it('counts /Type /Page objects, not the /Pages tree', () => {
    const pdf = new TextEncoder().encode('<< /Type /Pages /Count 2 >> << /Type /Page >> <</Type/Page/Parent 1 0 R>>');
    expect(countPdfPages(pdf)).toBe(2);
  });

  it('converts CSS px to mm rounding up to a tenth, so a measured roll never cuts content', () => {
    expect(pxToMm(96)).toBe(25.4);
    expect(pxToMm(1)).toBe(0.3);
  });

  it('runs work one at a time, in order, and a failure does not stop the queue', async () => {
    const serial = serialQueue();
    const order: number[] = [];
    const slow = serial(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push(1);
    });
    const failing = serial(() => Promise.reject(new Error('boom')));
    const fast = serial(() => {
      order.push(3);
      return Promise.resolve();
    });
    await slow;
    await expect(failing).rejects.toThrow('boom');
    await fast;
    expect(order).toEqual([1, 3]);
  });

  it('refuses HTML larger than the limit with TOO_LARGE', () => {
    const html = 'x'.repeat(RENDER_LIMITS.maxHtmlBytes + 1);
    expect(() => checkHtmlSize({ html, kind: 'test', page: { widthMm: 210, heightMm: 297 }, marginMm: 0 })).toThrow(expect.objectContaining({ code: 'TOO_LARGE' }) as Error);
  });
});
