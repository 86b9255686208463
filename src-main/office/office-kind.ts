import type Database from 'better-sqlite3';
import { CodedError } from '../../src-shared/result';
import { prepared } from '../ledger/statements';

/**
 * A district office (ที่ทำการปกครองอำเภอ, the default) or a provincial office (ที่ทำการปกครองจังหวัด),
 * migration 0017 (issue 10). Bill payments land in the provincial office's KTB account, so the
 * provincial office remits them for its whole province; a district shows them "remitted by the province".
 */
export const OFFICE_KINDS = ['district', 'provincial'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

/** This terminal's office kind; 'district' before set-up (nothing to remit then). */
export function officeKindOf(sqlite: Database.Database): OfficeKind {
  const row = prepared(sqlite, `SELECT kind FROM office WHERE id = 1`).get() as { kind: OfficeKind } | undefined;
  return row?.kind ?? 'district';
}

/** This office's place code, or null before set-up. */
export function officePlaceOf(sqlite: Database.Database): string | null {
  const row = prepared(sqlite, `SELECT place FROM office WHERE id = 1`).get() as { place: string } | undefined;
  return row?.place ?? null;
}

/** `office.setKind` (administrator; the dispatcher audit-logs the call with its input). */
export function setOfficeKind(sqlite: Database.Database, kind: OfficeKind): { kind: OfficeKind } {
  if (officePlaceOf(sqlite) === null) throw new CodedError('NOT_SET_UP', 'This terminal has not been set up yet');
  prepared(sqlite, `UPDATE office SET kind = ? WHERE id = 1`).run(kind);
  return { kind };
}
