import { z } from 'zod';
import { loadRevenueCatalog } from '../catalog/revenue-catalog';
import { buildHolidayCalendar } from '../dates/holiday-calendar';
import { ROLES } from '../domain/roles';

/**
 * Central's feed (issue 11): what terminals pull besides approvals and fine orders. Each item is
 * published at central (validated there with `feedItemProblem`), pulled by its office (place) or by
 * every office, validated again on arrival, and applied idempotently by its key.
 */
const instantMs = z.number().int().min(0).max(2 ** 48);

export const feedUserSchema = z.strictObject({
  stream: z.literal('user'),
  username: z.string().regex(/^[a-z][a-z0-9._-]{2,31}$/),
  fullNameTh: z.string().min(1).max(200),
  positionTh: z.string().min(1).max(200),
  role: z.enum(ROLES),
  isDisabled: z.boolean(),
  /** The written order of the Finance Division that approved the account. */
  orderRef: z.string().min(1).max(100),
  approvedAtMs: instantMs,
});
export const feedCatalogSchema = z.strictObject({
  stream: z.literal('catalog'),
  version: z.number().int().min(1).max(1_000_000),
  /** src-shared/catalog `revenueCatalogDataSchema` (fee types, deductions). */
  data: z.unknown(),
});
export const feedHolidaysSchema = z.strictObject({
  stream: z.literal('holidays'),
  calendarYear: z.number().int().min(2000).max(2200),
  /** One year as in resources/holidays/<B.E. year>.json. */
  data: z.unknown(),
});
export const feedPaymentSchema = z.strictObject({
  stream: z.literal('payment'),
  ref1: z.string().regex(/^\d{15}$/),
  bankCode: z.string().regex(/^\d{3}$/),
  bankReference: z.string().regex(/^[0-9A-Za-z-]{1,40}$/),
  paidAtMs: instantMs,
  amountSatang: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** The bank file the province imported it from. */
  sourceFile: z.string().min(1).max(200),
});
export const feedBookSchema = z.strictObject({
  stream: z.literal('book'),
  bookNo: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/),
  firstLeaf: z.number().int().min(1).max(9_999_999),
  lastLeaf: z.number().int().min(1).max(9_999_999),
  /** Null: the office holds it; else one terminal of the office. */
  terminalSlot: z.number().int().min(1).max(9).nullable(),
  assignedAtMs: instantMs,
});

export const feedBodySchema = z.discriminatedUnion('stream', [feedUserSchema, feedCatalogSchema, feedHolidaysSchema, feedPaymentSchema, feedBookSchema]);
export type FeedBody = z.infer<typeof feedBodySchema>;
export const FEED_STREAMS = ['user', 'catalog', 'holidays', 'payment', 'book'] as const;

/** One pulled item: its body and the cursor it was published under. */
export const feedItemSchema = z.strictObject({ cursor: z.number().int().min(1), body: feedBodySchema });
export type FeedItem = z.infer<typeof feedItemSchema>;

/** The key two versions of one item share (a newer version replaces the older). */
export function feedItemKey(body: FeedBody): string {
  switch (body.stream) {
    case 'user':
      return body.username;
    case 'catalog':
      return String(body.version);
    case 'holidays':
      return String(body.calendarYear);
    case 'payment':
      return `${body.bankCode}/${body.bankReference}`;
    case 'book':
      return body.bookNo;
  }
}

/** What is wrong with an item beyond its shape (the catalog and the calendar by their own validators), or null. */
export function feedItemProblem(body: FeedBody): string | null {
  if (body.stream === 'catalog') {
    const loaded = loadRevenueCatalog(body.data);
    return loaded.ok ? null : `catalog version ${body.version}: ${loaded.error.message}`;
  }
  if (body.stream === 'holidays') {
    const built = buildHolidayCalendar([body.data]);
    if (!built.ok) return `holidays ${body.calendarYear}: ${built.error.message}`;
    return built.value.years.length === 1 && built.value.years[0] === body.calendarYear ? null : `holidays ${body.calendarYear}: the data is for another year`;
  }
  if (body.stream === 'book' && body.lastLeaf < body.firstLeaf) return `book ${body.bookNo}: lastLeaf is before firstLeaf`;
  return null;
}

/** Publishing at central (the administrator's route): items of one place (null = every office). */
export const publishFeedRequestSchema = z.strictObject({
  place: z.string().regex(/^\d{4}$/).nullable(),
  items: z.array(feedBodySchema).min(1).max(5000),
  /** Who publishes, kept with a user item at central (the CLI sends `cli:<login>`); `admin-token` when left out. */
  approvedBy: z.string().min(1).max(100).optional(),
});
export const publishFeedResponseSchema = z.strictObject({ published: z.number().int(), duplicates: z.number().int() });

/** A user this terminal created itself, reported to central so it is flagged there until approved. */
export const localUserReportSchema = z.strictObject({
  users: z
    .array(
      z.strictObject({
        username: z.string().regex(/^[a-z][a-z0-9._-]{2,31}$/),
        fullNameTh: z.string().min(1).max(200),
        positionTh: z.string().min(1).max(200),
        role: z.enum(ROLES),
        isDisabled: z.boolean(),
        createdAtMs: instantMs,
      }),
    )
    .max(500),
});
export const localUserReportResponseSchema = z.strictObject({ flagged: z.number().int() });
