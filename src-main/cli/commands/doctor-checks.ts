import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { missingAppendOnlyTriggers } from '../../db/append-only';
import { appliedMigrations, readMigrations } from '../../db/migrate';
import { defaultMigrationsDir, type OfficeDatabase } from '../../db/open';
import { CLOCK_TOLERANCE_MS } from '../../ledger/action';
import { readHead } from '../../ledger/chain';
import { verifyLedger } from '../../ledger/verify';
import { isBoundToThisMachine, readOfficeState } from '../../office/office-service';

export type CheckStatus = 'ok' | 'warn' | 'fail';
export interface Check {
  readonly name: string;
  readonly status: CheckStatus;
  readonly message: string;
}

export const DOCTOR_LIMITS = {
  diskFailBytes: 100 * 1024 * 1024,
  diskWarnBytes: 1024 * 1024 * 1024,
} as const;

export function databaseChecks(database: OfficeDatabase): Check[] {
  const sqlite = database.sqlite;
  const quick = String(sqlite.pragma('quick_check', { simple: true }));
  const missing = missingAppendOnlyTriggers(sqlite);
  return [
    { name: 'database', status: quick === 'ok' ? 'ok' : 'fail', message: quick === 'ok' ? `integrity ok: ${database.file}` : `integrity check: ${quick}` },
    {
      name: 'schema',
      status: database.schemaVersion === database.latestSchemaVersion ? 'ok' : 'fail',
      message: `schema version ${database.schemaVersion} of ${database.latestSchemaVersion}`,
    },
    { name: 'append-only', status: missing.length === 0 ? 'ok' : 'fail', message: missing.length === 0 ? 'every append-only trigger is present' : `missing triggers: ${missing.join(', ')}` },
    migrationsUnchanged(sqlite),
  ];
}

function migrationsUnchanged(sqlite: Database.Database): Check {
  const files = new Map(readMigrations(defaultMigrationsDir()).map((m) => [m.idx, m.sha256]));
  const edited = appliedMigrations(sqlite).filter((a) => files.get(a.idx) !== a.sha256);
  return edited.length === 0
    ? { name: 'migrations', status: 'ok', message: 'applied migrations match their files' }
    : { name: 'migrations', status: 'warn', message: `migrations edited after they were applied: ${edited.map((e) => e.tag).join(', ')}` };
}

export function officeChecks(database: OfficeDatabase, machineId: string): Check[] {
  const state = readOfficeState(database.db);
  if (state.office === null) return [{ name: 'set-up', status: 'fail', message: 'this terminal is not set up: run ebill init or open the app' }];
  const bound = isBoundToThisMachine(state, machineId);
  const incomplete = [state.office.costCentre === null ? 'cost centre' : null, state.office.billerId === null ? 'biller id' : null].filter((x) => x !== null);
  return [
    {
      name: 'set-up',
      status: incomplete.length === 0 ? 'ok' : 'warn',
      message: `office ${state.office.place} terminal ${state.terminalSlot ?? '?'}${state.isTraining ? ' (training)' : ''}${state.isDemo ? ' (demo)' : ''}` +
        (incomplete.length === 0 ? '' : `; not yet set: ${incomplete.join(', ')} (bills cannot be made until they are)`),
    },
    {
      name: 'machine',
      status: bound ? 'ok' : 'fail',
      message: bound
        ? 'the database is bound to this machine'
        : 'the database was set up on another machine: it issues no numbers until an administrator binds it to a free slot (ebill terminal rebind)',
    },
  ];
}

/** The same rule the ledger applies before every entry (ledger/action.ts): no back-dating. */
export function clockCheck(sqlite: Database.Database, nowMs: number): Check {
  const head = readHead(sqlite);
  if (head.seq === 0 || nowMs + CLOCK_TOLERANCE_MS >= head.atMs) {
    return { name: 'clock', status: 'ok', message: `clock ${new Date(nowMs).toISOString()}` };
  }
  return {
    name: 'clock',
    status: 'fail',
    message: `the clock (${new Date(nowMs).toISOString()}) is earlier than the last ledger entry (${new Date(head.atMs).toISOString()}): fix the date and time, then a supervisor acknowledges it`,
  };
}

/** `ledger verify` as one doctor line: the chain and every invariant. */
export function ledgerCheck(sqlite: Database.Database): Check {
  const report = verifyLedger(sqlite);
  const first = report.problems[0];
  return first === undefined
    ? { name: 'ledger', status: 'ok', message: `${report.entries} entries, chain and invariants intact` }
    : { name: 'ledger', status: 'fail', message: `${report.problems.length} problem(s); first: [${first.rule}] entry ${first.seq ?? '-'}: ${first.detail}` };
}

export function fontCheck(resourcesDir: string | null): Check {
  const fontsDir = resourcesDir === null ? null : join(resourcesDir, 'fonts');
  const fonts = fontsDir !== null && existsSync(fontsDir) ? readdirSync(fontsDir).filter((f) => /\.(ttf|otf|woff2?)$/i.test(f)) : [];
  return fonts.length > 0
    ? { name: 'fonts', status: 'ok', message: `${fonts.length} font file(s) in ${fontsDir ?? ''}` }
    : { name: 'fonts', status: 'warn', message: 'no bundled Thai font in resources/fonts (needed by printed documents)' };
}

export function diskCheck(dataDir: string): Check {
  const stats = statfsSync(dataDir);
  const freeBytes = stats.bavail * stats.bsize;
  const freeMiB = Math.floor(freeBytes / (1024 * 1024));
  if (freeBytes < DOCTOR_LIMITS.diskFailBytes) return { name: 'disk', status: 'fail', message: `only ${freeMiB} MiB free` };
  if (freeBytes < DOCTOR_LIMITS.diskWarnBytes) return { name: 'disk', status: 'warn', message: `${freeMiB} MiB free` };
  return { name: 'disk', status: 'ok', message: `${freeMiB} MiB free` };
}

/** Printers the operating system knows; none is a warning, never a failure (cli.md). */
export function printerCheck(): Check {
  let names: string[];
  try {
    if (process.platform === 'win32') {
      const out = execFileSync('powershell', ['-NoProfile', '-Command', 'Get-Printer | Select-Object -ExpandProperty Name'], { encoding: 'utf8', timeout: 10_000, windowsHide: true });
      names = out.split(/\r?\n/).filter((l) => l.trim() !== '');
    } else {
      const out = execFileSync('lpstat', ['-e'], { encoding: 'utf8', timeout: 5_000, stdio: ['ignore', 'pipe', 'ignore'] });
      names = out.split('\n').filter((l) => l.trim() !== '');
    }
  } catch {
    names = [];
  }
  return names.length > 0
    ? { name: 'printers', status: 'ok', message: `printers: ${names.join(', ')}` }
    : { name: 'printers', status: 'warn', message: 'no printer found: documents can still be saved as PDF' };
}
