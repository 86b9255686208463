import { desc, sql } from 'drizzle-orm';
import type { OfficeSummary } from '../../src-shared/contract';
import { CodedError } from '../../src-shared/result';
import type { Db } from '../db/open';
import type { Clock } from '../platform/clock';
import { newId } from '../platform/ids';
import { insertUser, prepareUser, type NewUser } from '../users/user-service';
import type { UserSummary } from '../../src-shared/contract';
import { databaseInfo, office, terminalBinding } from './schema';

export interface OfficeSetup {
  readonly office: OfficeSummary;
  readonly terminalSlot: number;
  readonly isTraining: boolean;
  readonly isDemo: boolean;
  readonly admin: Omit<NewUser, 'role'>;
}

export interface OfficeState {
  readonly office: OfficeSummary | null;
  readonly terminalSlot: number | null;
  readonly boundMachineId: string | null;
  readonly isTraining: boolean;
  readonly isDemo: boolean;
}

export function readOfficeState(db: Db): OfficeState {
  const info = db.select().from(databaseInfo).get();
  const row = db.select().from(office).get();
  // The binding in force is the last row written (append-only table), whatever the clock said.
  const binding = db.select().from(terminalBinding).orderBy(desc(sql`rowid`)).limit(1).get();
  return {
    office:
      row === undefined
        ? null
        : { place: row.place, nameTh: row.nameTh, province: row.province, costCentre: row.costCentre, billerId: row.billerId, companyCode: row.companyCode },
    terminalSlot: binding?.slot ?? null,
    boundMachineId: binding?.machineId ?? null,
    isTraining: info?.isTraining ?? false,
    isDemo: info?.isDemo ?? false,
  };
}

/**
 * First-run set-up (UI `setup.init` and `ebill init`): the database's identity, the office, this
 * terminal's slot bound to this machine, and the first administrator, in one transaction.
 * The central check that the slot is free arrives with enrollment (issue 11).
 */
export async function setUpOffice(
  db: Db,
  clock: Clock,
  machineId: string,
  appVersion: string,
  setup: OfficeSetup,
): Promise<{ place: string; terminalSlot: number; admin: UserSummary }> {
  if (readOfficeState(db).office !== null) throw new CodedError('ALREADY_SET_UP', 'This terminal is already set up');
  const adminRow = await prepareUser(clock, { ...setup.admin, role: 'admin' }, null);
  return db.transaction(() => {
    if (readOfficeState(db).office !== null) throw new CodedError('ALREADY_SET_UP', 'This terminal is already set up');
    const nowMs = clock.nowMs();
    db.insert(databaseInfo)
      .values({ id: 1, databaseId: newId(clock), isTraining: setup.isTraining, isDemo: setup.isDemo, createdAtMs: nowMs, createdByAppVersion: appVersion })
      .run();
    db.insert(office).values({ id: 1, ...setup.office, createdAtMs: nowMs }).run();
    const admin = insertUser(db, adminRow);
    db.insert(terminalBinding)
      .values({ id: newId(clock), slot: setup.terminalSlot, machineId, boundAtMs: nowMs, boundByUserId: admin.id, reason: 'first-run set-up' })
      .run();
    return { place: setup.office.place, terminalSlot: setup.terminalSlot, admin };
  });
}

/** Numbers may be issued only on the machine the slot is bound to (design.md); issue 5 enforces it. */
export function isBoundToThisMachine(state: OfficeState, machineId: string): boolean {
  return state.boundMachineId !== null && state.boundMachineId === machineId;
}

/** The office's digits on printed documents (design.md "Documents"); the office must be set up. */
export function setDocumentDigits(db: Db, digits: 'arabic' | 'thai'): { digits: 'arabic' | 'thai' } {
  if (readOfficeState(db).office === null) throw new CodedError('NOT_SET_UP', 'This terminal has not been set up yet');
  db.update(office).set({ documentDigits: digits }).run();
  return { digits };
}

export interface OfficeChanges {
  readonly nameTh?: string;
  readonly costCentre?: string;
  readonly billerId?: string;
  readonly companyCode?: string | null;
}

/** What a bill carries or prints: fixed from the first bill on (Ref2 holds the cost centre, slips the biller and company codes). */
const BILL_SETTINGS = ['costCentre', 'billerId', 'companyCode'] as const;

/**
 * `office.update` (administrator): fills in or corrects the office's settings. A bill setting may be
 * changed freely until the first bill exists, and after that only filled in while still empty; the
 * dispatcher audit-logs the call with its input either way.
 */
export function updateOffice(db: Db, changes: OfficeChanges): OfficeSummary {
  return db.transaction(() => {
    const current = readOfficeState(db).office;
    if (current === null) throw new CodedError('NOT_SET_UP', 'This terminal has not been set up yet');
    const billsExist = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM bills`).n > 0;
    for (const key of BILL_SETTINGS) {
      const next = changes[key];
      if (next === undefined || next === current[key] || current[key] === null) continue;
      if (billsExist) throw new CodedError('OFFICE_SETTING_LOCKED', `${key} is ${current[key]} on the bills already made; it cannot become ${next ?? 'empty'}`);
    }
    db.update(office).set(changes).run();
    const updated = readOfficeState(db).office;
    if (updated === null) throw new CodedError('INTERNAL', 'the office row disappeared');
    return updated;
  });
}
