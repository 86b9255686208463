import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CodedError } from '../../src-shared/result';

/** A usage mistake: exit code 2 (cli.md). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface GlobalOptions {
  readonly dataDir: string | undefined;
  readonly json: boolean;
  readonly command: string | undefined;
  readonly rest: string[];
}

/** `ebill [--data-dir DIR] [--json] <command> …`: global options come before the command. */
export function parseGlobal(argv: readonly string[]): GlobalOptions {
  let dataDir: string | undefined;
  let json = false;
  let i = 0;
  for (; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--data-dir') {
      dataDir = argv[i + 1];
      if (dataDir === undefined || dataDir.startsWith('--')) throw new UsageError('--data-dir needs a folder');
      i += 1;
    } else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
    else if (arg === '--help' || arg === '-h') return { dataDir, json, command: 'help', rest: [] };
    else if (arg.startsWith('-')) throw new UsageError(`unknown global option ${arg}`);
    else break;
  }
  return { dataDir, json, command: argv[i], rest: argv.slice(i + 1) };
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's own options strictly: an unknown or malformed option is a usage error. */
export function parseCommand<O extends Options>(rest: readonly string[], options: O, positionals = 0) {
  try {
    const parsed = parseArgs({ args: [...rest], options, strict: true, allowPositionals: positionals > 0 });
    if (parsed.positionals.length > positionals) throw new UsageError(`unexpected argument ${parsed.positionals[positionals] ?? ''}`);
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}

export function requireOption(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required`);
  return value;
}

export function parseSlot(value: string): number {
  if (!/^[1-9]$/.test(value)) throw new CodedError('BAD_INPUT', `slot must be a digit 1–9, got "${value}"`);
  return Number(value);
}

/** `--user U --password-stdin` (or `--supervisor U`): who acts; the password is stdin's first line (cli.md). */
export const actingUser = {
  user: { type: 'string' },
  'password-stdin': { type: 'boolean' },
} as const;

export interface ActingValues {
  readonly user?: string | undefined;
  readonly 'password-stdin'?: boolean | undefined;
}

export function actor(values: ActingValues, stdin: { line(index: number, what: string): string }, flag = '--user'): { username: string; password: string } {
  const username = requireOption(values.user, flag);
  if (values['password-stdin'] !== true) throw new UsageError('--password-stdin is required (passwords never go on the command line)');
  return { username, password: stdin.line(0, `the password of ${username}`) };
}
