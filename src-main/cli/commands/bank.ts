import { readFileSync, statSync } from 'node:fs';
import { BANK_FILE_FORMAT_CHOICES, MAX_BANK_FILE_BYTES, type BankFileFormatChoiceName } from '../../../src-shared/domain/bank';
import { CodedError } from '../../../src-shared/result';
import { actingUser, actor, parseCommand, requireOption, UsageError } from '../args';
import type { CommandResult } from '../output';
import { call, loginAs, withHost, type CliEnv } from '../runtime';
import type { StdinLines } from '../stdin';

export const BANK_USAGE = 'bank import FILE [--format auto|ktb256|csv] --user U --password-stdin';

function isFormat(value: string): value is BankFileFormatChoiceName {
  return (BANK_FILE_FORMAT_CHOICES as readonly string[]).includes(value);
}

/** `ebill bank import FILE`: the finance officer imports a bank payment file atomically (cli.md, issue 9). */
export async function bankCommand(env: CliEnv, rest: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const [sub, ...args] = rest;
  if (sub !== 'import') throw new UsageError(`bank needs import${sub === undefined ? '' : `, not "${sub}"`}`);
  const { values, positionals } = parseCommand(args, { ...actingUser, format: { type: 'string' } }, 1);
  const file = requireOption(positionals[0], 'FILE');
  const format = values.format ?? 'auto';
  if (!isFormat(format)) throw new UsageError(`--format must be one of ${BANK_FILE_FORMAT_CHOICES.join(', ')}`);
  const who = actor(values, stdin);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CodedError('NOT_FOUND', `There is no file at ${file}`);
  }
  if (size > MAX_BANK_FILE_BYTES) throw new CodedError('BANK_FILE_TOO_LARGE', `${file} is ${size} bytes; the limit is ${MAX_BANK_FILE_BYTES}`);
  const contentBase64 = readFileSync(file).toString('base64');
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    const result = await call(host, 'bank.import', { contentBase64, format });
    return {
      lines: result.lines,
      matched: result.matched,
      exceptions: result.exceptions,
      duplicates: result.duplicates,
      forwarded: result.forwarded,
      fileId: result.fileId,
      sha256: result.sha256,
      format: result.format,
      isSameFileAgain: result.isSameFileAgain,
      text: `นำเข้าแล้ว / imported ${result.lines} lines: ${result.matched} matched, ${result.exceptions} exceptions, ${result.duplicates} duplicates${result.forwarded > 0 ? `, ${result.forwarded} of other offices of the province sent to central` : ''} (${result.format}, sha256 ${result.sha256.slice(0, 12)}…)`,
    };
  });
}
