import { CodedError } from '../../src-shared/result';
import { runLedgerAction, CLOCK_TOLERANCE_MS, type LedgerDeps } from './action';
import { readHead } from './chain';
import { readIdentity, type TerminalIdentity } from './identity';
import { prepared } from './statements';

/**
 * A supervisor acknowledges a corrected clock (issue 5): the terminal refused to write because its
 * clock was earlier than its last entry; once the clock is right, this entry (at the corrected
 * time, naming the last entry's time) lets it write again. The chain records that time went back.
 */
export function acknowledgeClock(deps: LedgerDeps, supervisorUserId: string, reasonText: string): { previousEntryAtMs: number; acknowledgedAtMs: number } {
  return runLedgerAction(
    deps,
    supervisorUserId,
    'clock.acknowledged',
    (ctx) => {
      const head = readHead(ctx.sqlite);
      if (ctx.atMs + CLOCK_TOLERANCE_MS >= head.atMs) {
        throw new CodedError('BAD_INPUT', 'The clock is not behind the last entry; there is nothing to acknowledge');
      }
      const payload = { previousEntryAtMs: head.atMs, acknowledgedAtMs: ctx.atMs, reasonText };
      return { payload, result: { previousEntryAtMs: head.atMs, acknowledgedAtMs: ctx.atMs } };
    },
    { allowClockBehind: true },
  );
}

/**
 * Binds this database to this machine under a slot it has never used (design.md: a copied or
 * restored database issues nothing until re-bound). The numbers of the new slot start afresh and
 * cannot collide with the copy left on the other machine. Central's check that the slot is free
 * arrives with enrollment (issue 11).
 */
export function rebindTerminal(deps: LedgerDeps, adminUserId: string, slot: number, reasonText: string): { terminalSlot: number; previousSlot: number } {
  return runLedgerAction(
    deps,
    adminUserId,
    'terminal.rebound',
    (ctx) => {
      const used = prepared(ctx.sqlite, 'SELECT 1 FROM terminal_binding WHERE slot = ? LIMIT 1').get(slot);
      if (used !== undefined) throw new CodedError('SLOT_IN_USE', `Slot ${slot} has been used by this database before; choose a slot never used`);
      const previousSlot = ctx.identity.terminalSlot;
      const binding = { id: ctx.newId(), slot, machineId: deps.machineId, boundAtMs: ctx.atMs, boundByUserId: adminUserId, reason: reasonText };
      prepared(ctx.sqlite, 'INSERT INTO terminal_binding (id, slot, machine_id, bound_at_ms, bound_by_user_id, reason) VALUES (@id, @slot, @machineId, @boundAtMs, @boundByUserId, @reason)').run(binding);
      // The entry names the slot it leaves (its place/slot columns); every later entry carries the new slot.
      return { payload: { previousSlot, slot, machineId: deps.machineId, reasonText }, result: { terminalSlot: slot, previousSlot } };
    },
    { identity: (sqlite) => anyBoundIdentity(sqlite) },
  );
}

function anyBoundIdentity(sqlite: Parameters<typeof readIdentity>[0]): TerminalIdentity {
  const identity = readIdentity(sqlite);
  if (identity === null || identity.terminalSlot === null || identity.boundMachineId === null) throw new CodedError('NOT_SET_UP', 'This terminal has not been set up yet');
  return { ...identity, terminalSlot: identity.terminalSlot, boundMachineId: identity.boundMachineId };
}

/** Installs a supervisor's offline approval key (handed out by central at enrollment, issue 11). */
export function installApprovalKey(deps: LedgerDeps, supervisorUserId: string, key: Buffer, source: 'central' | 'test'): string {
  if (key.length < 32) throw new CodedError('BAD_INPUT', 'An approval key has at least 32 bytes');
  return runLedgerAction(deps, null, 'approval-key.installed', (ctx) => {
    const row = { id: ctx.newId(), supervisorUserId, keyBase64: key.toString('base64'), source, installedAtMs: ctx.atMs };
    prepared(ctx.sqlite, 'INSERT INTO approval_keys (id, supervisor_user_id, key_base64, source, installed_at_ms) VALUES (@id, @supervisorUserId, @keyBase64, @source, @installedAtMs)').run(row);
    // The key itself never enters the ledger (the outbox leaves the office).
    return { payload: { keyId: row.id, supervisorUserId, source }, result: row.id };
  });
}
