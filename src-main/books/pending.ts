import type Database from 'better-sqlite3';

/**
 * For the day close (another branch): the leaves recorded as written on paper for `businessDate`
 * (at the end of an outage, or for a field order) that have no keyed receipt yet. A leaf spoiled or
 * cancelled on paper since is accounted for and not listed. Ordered by book and leaf.
 */
export function listUnkeyedPaperLeaves(
  sqlite: Database.Database,
  businessDate: string,
): readonly { book: string; leaf: number; outageId: string | null; fieldOrderId: string | null }[] {
  return sqlite
    .prepare(
      `WITH RECURSIVE leaves(range_id, leaf, last_leaf) AS (
         SELECT id, first_leaf, last_leaf FROM paper_leaf_ranges WHERE business_date = @date
         UNION ALL
         SELECT range_id, leaf + 1, last_leaf FROM leaves WHERE leaf < last_leaf
       )
       SELECT b.book_no AS book, l.leaf, r.outage_id AS outageId, r.field_order_id AS fieldOrderId
       FROM leaves l JOIN paper_leaf_ranges r ON r.id = l.range_id JOIN receipt_books b ON b.id = r.book_id
       WHERE NOT EXISTS (SELECT 1 FROM receipts rc WHERE rc.book = b.book_no AND rc.number = l.leaf)
         AND NOT EXISTS (SELECT 1 FROM receipt_leaf_events e WHERE e.book_id = b.id AND e.leaf = l.leaf)
       ORDER BY b.book_no, l.leaf`,
    )
    .all({ date: businessDate }) as { book: string; leaf: number; outageId: string | null; fieldOrderId: string | null }[];
}
