import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeLeaves, leafCounts, unusedLeavesOf, type BookRecord, type LeafState } from './leaves';

const book = (firstLeaf: number, lastLeaf: number): BookRecord => ({ bookId: 'b', bookNo: 'P70-001', firstLeaf, lastLeaf, fiscalYearBe: 2570, isClosed: false, holder: null });

/** Leaves written back from "3, 5–9, 12". */
function parseDescribed(text: string): number[] {
  if (text === '') return [];
  return text.split(', ').flatMap((part) => {
    const [a, b] = part.split('–').map(Number);
    const from = a ?? 0;
    const to = b ?? from;
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

const usedArbitrary = fc
  .tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 99 }))
  .chain(([first, extra]) =>
    fc.tuple(
      fc.constant(book(first, first + extra)),
      fc.dictionary(
        fc.integer({ min: first, max: first + extra }).map(String),
        fc.constantFrom<Exclude<LeafState, 'unused'>>('issued', 'spoiled', 'cancelled'),
      ),
    ),
  );

describe('leaf accounting', () => {
  it('every leaf of a book is counted exactly once: unused + issued + spoiled + cancelled = the leaves of the book', () => {
    fc.assert(
      fc.property(usedArbitrary, ([b, dict]) => {
        const used = new Map(Object.entries(dict).map(([leaf, state]) => [Number(leaf), state]));
        const counts = leafCounts(b, used);
        expect(counts.unused + counts.issued + counts.spoiled + counts.cancelled).toBe(b.lastLeaf - b.firstLeaf + 1);
        const unused = unusedLeavesOf(b, used);
        expect(unused).toHaveLength(counts.unused);
        for (const leaf of unused) expect(used.has(leaf)).toBe(false);
        // The refusal to close names exactly the unused leaves.
        expect(parseDescribed(describeLeaves(unused))).toEqual(unused);
      }),
    );
  });

  it('writes leaves as ranges', () => {
    expect(describeLeaves([11, 13, 14, 15, 20])).toBe('11, 13–15, 20');
    expect(describeLeaves([])).toBe('');
  });
});
