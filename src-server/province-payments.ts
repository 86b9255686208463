import { parseRef1 } from '../src-shared/codes';
import { feedItemProblem, type FeedBody, type ProvincePaymentsResponse } from '../src-shared/sync';
import type { SignedBy } from './auth';
import type { CentralDb } from './db/client';
import { CentralError } from './errors';
import { insertFeedItems } from './feed';
import { provinceOfPlace } from './offices';

type PaymentItem = Extract<FeedBody, { stream: 'payment' }>;

/**
 * Bank lines a provincial office imported for the bills of the other offices of its province
 * (`POST /v1/province-payments`, issue 11). All or nothing, in one transaction:
 * - the sender's office must be registered (office_registry) as the provincial office of its
 *   province, else NOT_PROVINCIAL_OFFICE;
 * - every line's Ref1 must parse (BAD_INPUT) and name a place of that same province
 *   (OTHER_PROVINCE), not the sender's own place (BAD_INPUT: its own bills it confirms itself);
 * - every line passes `feedItemProblem` (BAD_INPUT);
 * then each is published as one `payment` feed item for the Ref1's place (`insertFeedItems`, the
 * store `publishFeed` uses): the same line again is a duplicate, never a second item.
 */
export async function receiveProvincePayments(db: CentralDb, by: SignedBy, payments: readonly PaymentItem[], nowMs: number): Promise<ProvincePaymentsResponse> {
  const byPlace = new Map<string, PaymentItem[]>();
  const problems: string[] = [];
  payments.forEach((payment, i) => {
    const ref1 = parseRef1(payment.ref1);
    if (!ref1.ok) problems.push(`line ${i + 1}: ${ref1.error.message}`);
    else if (ref1.value.place === by.place) problems.push(`line ${i + 1}: Ref1 ${payment.ref1} is a bill of the sending office itself`);
    else byPlace.set(ref1.value.place, [...(byPlace.get(ref1.value.place) ?? []), payment]);
    const problem = feedItemProblem(payment);
    if (problem !== null) problems.push(`line ${i + 1}: ${problem}`);
  });
  return db.transaction(async (tx) => {
    const registered = (await tx.query<{ province: string }>(`SELECT province FROM office_registry WHERE place = $1 AND kind = 'provincial'`, [by.place]))[0];
    if (registered === undefined) {
      throw new CentralError('NOT_PROVINCIAL_OFFICE', `Office ${by.place} is not registered at central as its province's provincial office; only that office sends the province's bank lines`);
    }
    const foreign = [...byPlace.keys()].filter((place) => provinceOfPlace(place) !== registered.province);
    if (foreign.length > 0) {
      throw new CentralError('OTHER_PROVINCE', `Nothing was stored: Ref1 place(s) ${foreign.slice(0, 20).join(', ')} are not of province ${registered.province}`);
    }
    if (problems.length > 0) throw new CentralError('BAD_INPUT', `Nothing was stored (${problems.length} problem(s)): ${problems.slice(0, 20).join('; ')}`);
    let published = 0;
    for (const [place, items] of byPlace) published += await insertFeedItems(tx, place, items, nowMs, `province:${by.place}`);
    return { published, duplicates: payments.length - published };
  });
}
