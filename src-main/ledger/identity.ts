import type Database from 'better-sqlite3';
import { CodedError } from '../../src-shared/result';
import { prepared } from './statements';

/** Who this terminal is when it writes a ledger entry: office, slot, and the office's bill settings. */
export interface TerminalIdentity {
  readonly place: string;
  readonly officeNameTh: string;
  readonly terminalSlot: number;
  readonly costCentre: string | null;
  readonly billerId: string | null;
  readonly companyCode: string | null;
  readonly isTraining: boolean;
  readonly isDemo: boolean;
  readonly boundMachineId: string;
}

interface IdentityRow {
  place: string;
  officeNameTh: string;
  costCentre: string | null;
  billerId: string | null;
  companyCode: string | null;
  isTraining: number;
  isDemo: number;
  slot: number | null;
  machineId: string | null;
}

/**
 * Reads the identity without checking the machine (for display and for re-binding). The binding in
 * force is the last row written (rowid: the table is append-only), not the newest time: a clock may be wrong.
 */
export function readIdentity(sqlite: Database.Database): (Omit<TerminalIdentity, 'terminalSlot' | 'boundMachineId'> & { terminalSlot: number | null; boundMachineId: string | null }) | null {
  const row = prepared(
    sqlite,
    `SELECT o.place, o.name_th AS officeNameTh, o.cost_centre AS costCentre, o.biller_id AS billerId, o.company_code AS companyCode,
            d.is_training AS isTraining, d.is_demo AS isDemo,
            (SELECT slot FROM terminal_binding ORDER BY rowid DESC LIMIT 1) AS slot,
            (SELECT machine_id FROM terminal_binding ORDER BY rowid DESC LIMIT 1) AS machineId
     FROM office o CROSS JOIN database_info d`,
  ).get() as IdentityRow | undefined;
  if (row === undefined) return null;
  return {
    place: row.place,
    officeNameTh: row.officeNameTh,
    terminalSlot: row.slot,
    costCentre: row.costCentre,
    billerId: row.billerId,
    companyCode: row.companyCode,
    isTraining: row.isTraining === 1,
    isDemo: row.isDemo === 1,
    boundMachineId: row.machineId,
  };
}

/**
 * The identity under which numbers may be issued. A database copied or restored onto another
 * machine is refused (MACHINE_MISMATCH) until an administrator binds it to a new free slot
 * (design.md "Identity and numbering"), so two PCs can never issue the same number. Likewise a
 * database central found behind its own copy of this chain (sync `sync_behind_central`).
 */
export function issuingIdentity(sqlite: Database.Database, machineId: string): TerminalIdentity {
  const identity = readIdentity(sqlite);
  if (identity === null) throw new CodedError('NOT_SET_UP', 'This terminal has not been set up yet');
  if (identity.terminalSlot === null || identity.boundMachineId === null) throw new CodedError('NOT_SET_UP', 'This terminal has no slot yet');
  if (identity.boundMachineId !== machineId) {
    throw new CodedError(
      'MACHINE_MISMATCH',
      `This database is bound to another machine (slot ${identity.terminalSlot}); an administrator must bind it to a new free slot before numbers are issued here`,
    );
  }
  const behind = sqlite.prepare('SELECT local_seq AS localSeq, central_high_water_seq AS centralSeq FROM sync_behind_central WHERE terminal_slot = ? LIMIT 1').get(identity.terminalSlot) as
    | { localSeq: number; centralSeq: number }
    | undefined;
  if (behind !== undefined) {
    throw new CodedError(
      'SYNC_BEHIND_CENTRAL',
      `Central holds this chain (slot ${identity.terminalSlot}) up to entry ${behind.centralSeq} and this database differs from it after entry ${Math.min(behind.localSeq, behind.centralSeq)} (restored from an older backup?): numbers issued here could repeat ones already issued, so an administrator must bind it to a new free slot first (ebill terminal rebind --slot N --reason TEXT)`,
    );
  }
  return { ...identity, terminalSlot: identity.terminalSlot, boundMachineId: identity.boundMachineId };
}
