import { parsePlaceCode } from '../src-shared/codes/place-code';
import { CENTRAL_OFFICE_KINDS, type CentralOfficeKind, type SetOfficeKindResponse } from '../src-shared/sync';
import type { CentralDb, Sql } from './db/client';
import { CentralError } from './errors';

/**
 * The office registry (issue 11): which office is its province's provincial office. At an office
 * `office.kind` says it (src-main/office/office-kind.ts), but that setting never reaches central,
 * so central keeps its own, set by an administrator (console `/console/offices`, or
 * `ebill-central office set-kind`). It tells the overdue-remittance alarm who remits a province's
 * bill payments (console/alarms.ts `overdueBillPayments`). An office seen through its terminals and
 * not registered is a district office ("not set").
 */
const MAX_NAME = 200;
const MAX_BY = 100;

/** The province of a place code: its first 2 digits (design.md "Identity"). */
export const provinceOfPlace = (place: string): string => place.slice(0, 2);

export interface SetOfficeKindInput {
  readonly place: string;
  readonly kind: string;
  readonly nameTh?: string | undefined;
  readonly setBy: string;
}

interface RegistryRow {
  readonly place: string;
  readonly province: string;
  readonly kind: CentralOfficeKind;
  readonly nameTh: string | null;
  readonly setBy: string;
  readonly setAtMs: number;
}
const ROW_COLUMNS = 'place, province, kind, name_th AS "nameTh", set_by AS "setBy", set_at_ms AS "setAtMs"';

function checked(input: SetOfficeKindInput): { place: string; kind: CentralOfficeKind; nameTh: string | undefined; setBy: string } {
  const place = parsePlaceCode(input.place, 'place');
  if (!place.ok) throw new CentralError('BAD_INPUT', place.error.message);
  const kind = CENTRAL_OFFICE_KINDS.find((k) => k === input.kind);
  if (kind === undefined) throw new CentralError('BAD_INPUT', `kind is ${CENTRAL_OFFICE_KINDS.join(' or ')}, not ${JSON.stringify(String(input.kind).slice(0, 20))}`);
  const nameTh = input.nameTh?.trim();
  if (nameTh !== undefined && (nameTh.length > MAX_NAME || [...nameTh].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))) throw new CentralError('BAD_INPUT', `The office's Thai name is at most ${MAX_NAME} characters, on one line`);
  if (input.setBy.length === 0 || input.setBy.length > MAX_BY) throw new CentralError('BAD_INPUT', 'Who sets the kind is named');
  return { place: place.value, kind, nameTh: nameTh === '' ? undefined : nameTh, setBy: input.setBy };
}

const refusedSecond = (province: string, other: string): CentralError =>
  new CentralError('PROVINCIAL_OFFICE_EXISTS', `Province ${province} already has a provincial office (${other}); set that one to district first`);

/**
 * Sets an office's kind (and its Thai name when given). A second provincial office in a province is
 * refused (PROVINCIAL_OFFICE_EXISTS) and nothing changes; the same kind (and name) again is a no-op
 * (`changed: false`, who and when left as they were).
 */
export async function setOfficeKind(db: CentralDb, input: SetOfficeKindInput, nowMs: number): Promise<SetOfficeKindResponse> {
  const wanted = checked(input);
  const province = provinceOfPlace(wanted.place);
  try {
    return await db.transaction(async (tx) => {
      const existing = (await tx.query<RegistryRow>(`SELECT ${ROW_COLUMNS} FROM office_registry WHERE place = $1 FOR UPDATE`, [wanted.place]))[0];
      if (existing !== undefined && existing.kind === wanted.kind && (wanted.nameTh === undefined || wanted.nameTh === existing.nameTh)) {
        return { ...existing, changed: false };
      }
      if (wanted.kind === 'provincial') {
        const other = (await tx.query<{ place: string }>(`SELECT place FROM office_registry WHERE province = $1 AND kind = 'provincial' AND place <> $2`, [province, wanted.place]))[0];
        if (other !== undefined) throw refusedSecond(province, other.place);
      }
      const row = (
        await tx.query<RegistryRow>(
          `INSERT INTO office_registry (place, province, kind, name_th, set_by, set_at_ms) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (place) DO UPDATE SET kind = EXCLUDED.kind, name_th = coalesce(EXCLUDED.name_th, office_registry.name_th), set_by = EXCLUDED.set_by, set_at_ms = EXCLUDED.set_at_ms
           RETURNING ${ROW_COLUMNS}`,
          [wanted.place, province, wanted.kind, wanted.nameTh ?? null, wanted.setBy, nowMs],
        )
      )[0];
      if (row === undefined) throw new CentralError('INTERNAL', 'The office registry did not answer');
      return { ...row, changed: true };
    });
  } catch (error) {
    // Two administrators at once: the partial unique index refuses the second.
    if ((error as { code?: string }).code === '23505') {
      const other = (await db.query<{ place: string }>(`SELECT place FROM office_registry WHERE province = $1 AND kind = 'provincial'`, [province]))[0];
      throw refusedSecond(province, other?.place ?? '?');
    }
    throw error;
  }
}

export interface OfficeListing {
  readonly place: string;
  readonly province: string;
  readonly kind: CentralOfficeKind;
  /** false: not in the registry (a district office by default, shown "not set"). */
  readonly isSet: boolean;
  readonly nameTh: string | null;
  readonly setBy: string | null;
  readonly setAtMs: number | null;
  readonly terminals: number;
  readonly lastPushAtMs: number | null;
}

/** Every office central knows: from its terminals and from the registry, by place. */
export async function listOffices(sql: Sql): Promise<OfficeListing[]> {
  return sql.query<OfficeListing>(
    `WITH t AS (SELECT place, count(*)::int AS terminals, max(last_push_at_ms) AS last_push FROM terminals GROUP BY place)
     SELECT coalesce(r.place, t.place) AS place, substr(coalesce(r.place, t.place), 1, 2) AS province, coalesce(r.kind, 'district') AS kind, r.place IS NOT NULL AS "isSet",
            r.name_th AS "nameTh", r.set_by AS "setBy", r.set_at_ms AS "setAtMs", coalesce(t.terminals, 0) AS terminals, t.last_push AS "lastPushAtMs"
     FROM office_registry r FULL OUTER JOIN t ON t.place = r.place
     ORDER BY 1`,
  );
}
