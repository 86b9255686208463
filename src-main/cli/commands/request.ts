import { readFileSync } from 'node:fs';
import { CodedError } from '../../../src-shared/result';
import { actingUser, actor, parseCommand, requireOption, UsageError } from '../args';
import type { CommandResult } from '../output';
import { call, loginAs, withHost, type CliEnv } from '../runtime';
import type { StdinLines } from '../stdin';

export const REQUEST_USAGE = 'request create --file F|- --user U --password-stdin   (F: {payerName, payerId?, revenueCode, amountSatang, dueDate?, fineOrderNo?, instalmentNo?})';
/** Largest request file read (one request is a few hundred bytes). */
const REQUEST_FILE_MAX_BYTES = 16 * 1024;

/** Reads `--file F` (or `-`: the rest of stdin after the password) as JSON; the contract validates it. */
export function readJsonFile(file: string, stdin: StdinLines): unknown {
  let text: string;
  try {
    text = file === '-' ? stdin.restFrom(1) : readFileSync(file, 'utf8');
  } catch (error) {
    throw new CodedError('BAD_INPUT', `--file ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (Buffer.byteLength(text) > REQUEST_FILE_MAX_BYTES) throw new CodedError('TOO_LARGE', `--file ${file}: larger than ${REQUEST_FILE_MAX_BYTES} bytes`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CodedError('BAD_INPUT', `--file ${file}: not JSON (${(error as Error).message})`);
  }
}

/** `ebill request create`: records a request (คำร้อง) and its bill, as the New request screen does. */
export async function requestCommand(env: CliEnv, rest: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const [sub, ...args] = rest;
  if (sub !== 'create') throw new UsageError(`request needs create${sub === undefined ? '' : `, not "${sub}"`}`);
  const { values } = parseCommand(args, { ...actingUser, file: { type: 'string' } });
  const file = requireOption(values.file, '--file');
  const who = actor(values, stdin);
  const input = readJsonFile(file, stdin);
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    const created = await call(host, 'request.create', input as never);
    return {
      requestNo: created.requestNo,
      ref1: created.ref1,
      ref2: created.ref2,
      amountSatang: created.amountSatang,
      dueDate: created.dueDate,
      businessDate: created.businessDate,
      isManualFineEntry: created.isManualFineEntry,
      text: `บันทึกคำร้องแล้ว / request ${created.requestNo}  Ref1 ${created.ref1}  Ref2 ${created.ref2}`,
    };
  });
}
