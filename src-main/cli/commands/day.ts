import { countedCashFile } from '../../../src-shared/contract';
import { describeIssues } from '../../../src-shared/dates';
import { CodedError } from '../../../src-shared/result';
import { actingUser, actor, parseCommand, requireOption, UsageError } from '../args';
import type { CommandResult } from '../output';
import { call, loginAs, withHost, type CliEnv } from '../runtime';
import type { StdinLines } from '../stdin';
import { readJsonFile } from './request';

export const DAY_USAGE = 'day close --date YYYY-MM-DD --counted-file F|- --user U --password-stdin   (F: {"pieces": {"1000": n, "500": n, "100": n, "50": n, "20": n, "10": n, "5": n, "2": n, "1": n, "0.50": n, "0.25": n}, "varianceReason"?: "…"})';

/** `ebill day close` (cli.md): closes a business day with the counted cash by denomination, offline. */
export async function dayCommand(env: CliEnv, rest: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const [sub, ...args] = rest;
  if (sub !== 'close') throw new UsageError(`day needs close${sub === undefined ? '' : `, not "${sub}"`}`);
  const { values } = parseCommand(args, { ...actingUser, date: { type: 'string' }, 'counted-file': { type: 'string' } });
  const date = requireOption(values.date, '--date');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date must be YYYY-MM-DD, got "${date.slice(0, 32)}"`);
  const file = requireOption(values['counted-file'], '--counted-file');
  const who = actor(values, stdin);
  const parsed = countedCashFile.safeParse(readJsonFile(file, stdin));
  if (!parsed.success) throw new CodedError('COUNTED_CASH_INVALID', `--counted-file ${file}: ${describeIssues(parsed.error.issues)}`);
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    const result = await call(host, 'close.day', { businessDate: date, ...parsed.data });
    const close = result.close;
    return {
      businessDate: close.businessDate,
      kind: close.kind,
      isLate: close.isLate,
      receiptCount: close.receiptCount,
      totalSatang: close.totalSatang,
      cashExpectedSatang: close.cashExpectedSatang,
      cashCountedSatang: close.cashCountedSatang,
      varianceSatang: close.varianceSatang,
      chainHeadSeq: close.chainHeadSeq,
      chainHeadHash: close.chainHeadHash,
      unconfirmedProvisional: result.unconfirmedProvisional,
      text: `ปิดบัญชีแล้ว / closed ${close.businessDate} (${close.kind}): ${close.receiptCount} receipts, cash counted ${close.cashCountedSatang} vs expected ${close.cashExpectedSatang} satang; ${result.unconfirmedProvisional.length} awaiting bank confirmation`,
    };
  });
}
