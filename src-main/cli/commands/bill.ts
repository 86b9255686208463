import { showBill } from '../../ledger/bill-codes';
import { parseCommand, requireOption, UsageError } from '../args';
import type { CommandResult } from '../output';
import { withHost, type CliEnv } from '../runtime';

export const BILL_USAGE = 'bill show REF1';

/** `ebill bill show REF1`: the payment codes of a bill (barcode and QR text). Reads only: no login (cli.md). */
export async function billCommand(env: CliEnv, rest: readonly string[]): Promise<CommandResult> {
  const [sub, ...args] = rest;
  if (sub !== 'show') throw new UsageError(`bill needs show${sub === undefined ? '' : `, not "${sub}"`}`);
  const { positionals } = parseCommand(args, {}, 1);
  const ref1 = requireOption(positionals[0], 'REF1');
  if (!/^\d{15}$/.test(ref1)) throw new UsageError(`REF1 must be 15 digits, got "${ref1.slice(0, 32)}"`);
  return withHost(env, (host) => {
    const bill = showBill(host.services.database.sqlite, ref1);
    return Promise.resolve({ ...bill, text: `Ref1 ${bill.ref1}  Ref2 ${bill.ref2}  ${bill.amountSatang} satang  due ${bill.dueDate}  (${bill.status})\nQR ${bill.qrText}` });
  });
}
