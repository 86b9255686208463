import { CodedError } from '../../../src-shared/result';
import { verifyLedger, type LedgerProblem } from '../../ledger/verify';
import { parseCommand, UsageError } from '../args';
import type { CommandResult } from '../output';
import { withHost, type CliEnv } from '../runtime';

export const LEDGER_USAGE = 'ledger verify';

export class LedgerBroken extends CodedError<'LEDGER_BROKEN'> {
  constructor(readonly fields: { entries: number; headHash: string; problems: readonly LedgerProblem[] }) {
    const first = fields.problems[0];
    super('LEDGER_BROKEN', `${fields.problems.length} problem(s); first: ${first === undefined ? '' : `[${first.rule}] entry ${first.seq ?? '-'}: ${first.detail}`}`);
  }
}

/** `ebill ledger verify`: recomputes the hash chain and the invariants; exit 3 with the first break. */
export async function ledgerCommand(env: CliEnv, rest: readonly string[]): Promise<CommandResult> {
  const [sub, ...args] = rest;
  if (sub !== 'verify') throw new UsageError(`ledger needs verify${sub === undefined ? '' : `, not "${sub}"`}`);
  parseCommand(args, {});
  return withHost(env, (host) => {
    const report = verifyLedger(host.services.database.sqlite);
    if (report.problems.length > 0) throw new LedgerBroken(report);
    return Promise.resolve({ entries: report.entries, headHash: report.headHash, text: `สมุดบัญชีถูกต้อง / ledger intact: ${report.entries} entries, head ${report.headHash}` });
  });
}
