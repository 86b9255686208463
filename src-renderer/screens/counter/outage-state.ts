import type { RequestOutput } from '../../../src-shared/contract';

export type Outage = RequestOutput<'outage.list'>['outages'][number];

/** The open outage, if any: at most one is open at a time (main refuses a second: OUTAGE_ALREADY_OPEN). */
export function openOutage(outages: readonly Outage[]): Outage | null {
  return outages.find((o) => o.endedAtMs === null) ?? null;
}
