import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { ParsedInput, RequestOutput } from '../../src-shared/contract';
import { bangkokInstantMs, addDays, type BusinessDate } from '../../src-shared/dates';
import { CodedError } from '../../src-shared/result';
import { BACKUP_CONFIG_FILE_NAME, readBackupConfig } from '../backup/backup-config';
import { listTerminalBackups, type FoundBackup } from '../backup/backup-names';
import { makeBackup, terminalOf } from '../backup/make-backup';
import type { NativeBinding } from '../backup/sqlite-files';
import { readDeductionRates } from '../close/deductions';
import { catalogInForceOf } from '../ledger/catalog-in-force';
import { prepared } from '../ledger/statements';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';

/** Backups listed on the settings screen (the newest ones; `count` says how many there are). */
export const BACKUPS_LISTED = 5;

/** Approval requests sent through central (sync/pull.ts) that central has not decided yet. Reads only. */
export function pendingApprovals(sqlite: Database.Database): RequestOutput<'approval.pending'> {
  const rows = prepared(
    sqlite,
    `SELECT r.id, r.action, r.subject, r.reason_code AS reasonCode, r.reason_text AS reasonText,
            coalesce(u.full_name_th, '') AS requestedByNameTh, r.requested_at_ms AS requestedAtMs, r.is_sent AS isSent
     FROM central_approval_requests r LEFT JOIN users u ON u.id = r.requested_by_user_id
     WHERE r.status = 'pending' ORDER BY r.requested_at_ms, r.id LIMIT 200`,
  ).all() as (Omit<RequestOutput<'approval.pending'>['requests'][number], 'isSent'> & { isSent: number })[];
  return { requests: rows.map((row) => ({ ...row, isSent: row.isSent === 1 })) };
}

/** The catalog main checks revenue codes against (the version in force, when pulled), with the deduction rates in force. */
export function catalogList(sqlite: Database.Database, logger?: Logger): RequestOutput<'catalog.list'> {
  const rates = readDeductionRates(sqlite);
  const inForce = catalogInForceOf(sqlite, logger);
  return {
    version: inForce.version,
    pulledAtMs: inForce.pulledAtMs,
    refusedVersions: inForce.refused.map((r) => r.version),
    fineLaws: inForce.catalog.fineLaws.map((law) => ({
      revenueCode: law.revenueCode,
      lawNameTh: law.lawNameTh,
      lawNameEn: law.lawNameEn,
      group: law.group,
      rewardBasisPoints: rates.get(law.revenueCode)?.rewardBasisPoints ?? 0,
      costBasisPoints: rates.get(law.revenueCode)?.costBasisPoints ?? 0,
    })),
    feeTypes: inForce.catalog.feeTypes.map((fee) => ({ ...fee })),
  };
}

/** The audit log, newest first, one page; filters are all ANDed; dates are Bangkok business days. */
export function auditLogPage(sqlite: Database.Database, input: ParsedInput<'audit.log'>): RequestOutput<'audit.log'> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (input.username !== undefined) {
    where.push('username = ?');
    params.push(input.username);
  }
  if (input.action !== undefined) {
    where.push('action = ?');
    params.push(input.action);
  }
  if (input.outcome !== undefined) {
    where.push('outcome = ?');
    params.push(input.outcome);
  }
  if (input.fromDate !== undefined) {
    where.push('at_ms >= ?');
    params.push(bangkokInstantMs(input.fromDate as BusinessDate, 0));
  }
  if (input.toDate !== undefined) {
    where.push('at_ms < ?');
    params.push(bangkokInstantMs(addDays(input.toDate as BusinessDate, 1), 0));
  }
  const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  const total = (prepared(sqlite, `SELECT count(*) AS n FROM audit_log ${clause}`).get(...params) as { n: number }).n;
  const rows = prepared(
    sqlite,
    `SELECT id, at_ms AS atMs, username, channel, action, outcome, code, detail FROM audit_log ${clause} ORDER BY at_ms DESC, rowid DESC LIMIT ? OFFSET ?`,
  ).all(...params, input.limit, input.offset) as RequestOutput<'audit.log'>['rows'];
  return { rows, total };
}

function stampMs(stamp: string): number {
  const [y, mo, d, h, mi, s] = [stamp.slice(0, 4), stamp.slice(4, 6), stamp.slice(6, 8), stamp.slice(9, 11), stamp.slice(11, 13), stamp.slice(13, 15)].map(Number);
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
}

function backupFileOf(found: FoundBackup): RequestOutput<'backup.status'>['backups'][number] {
  let bytes = 0;
  try {
    bytes = statSync(found.file).size;
  } catch {
    // Deleted between the listing and now: shown with 0 bytes rather than hidden.
  }
  return { name: found.file, atMs: stampMs(found.stamp), headSeq: found.headSeq, bytes };
}

/** The backup folder in force (backup-config.json or `<dataDir>/backups`) and this terminal's newest backups in it. */
export function backupStatus(sqlite: Database.Database, dataDir: string): RequestOutput<'backup.status'> {
  const config = readBackupConfig(dataDir);
  const found = listTerminalBackups(config.dir, terminalOf(sqlite));
  return { dir: config.dir, isDirConfigured: config.isDirConfigured, keep: config.keep, intervalMinutes: config.intervalMinutes, backups: found.slice(0, BACKUPS_LISTED).map(backupFileOf), count: found.length };
}

export interface BackupRunDeps {
  readonly sqlite: Database.Database;
  readonly dataDir: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly nativeBinding?: NativeBinding;
}

/** "Back up now": the same verified backup as `ebill backup`, to the folder in force. */
export async function runBackup(deps: BackupRunDeps): Promise<RequestOutput<'backup.run'>> {
  const config = readBackupConfig(deps.dataDir);
  const result = await makeBackup(deps.sqlite, {
    backupDir: config.dir,
    keep: config.keep,
    clock: deps.clock,
    logger: deps.logger,
    ...(deps.nativeBinding === undefined ? {} : { nativeBinding: deps.nativeBinding }),
  });
  return { file: { name: result.file, atMs: deps.clock.nowMs(), headSeq: result.headSeq, bytes: result.bytes }, deleted: result.deleted.length };
}

/**
 * Sets backup-config.json's `dir` (other settings kept): an absolute folder that exists or can be
 * made, and that this program can write to; anything else is BACKUP_FOLDER_INVALID and the file is
 * left as it was. Written to a temporary file and renamed, so a half-written configuration never exists.
 */
export function setBackupFolder(dataDir: string, dir: string): RequestOutput<'backup.setFolder'> {
  if (!isAbsolute(dir)) throw new CodedError('BACKUP_FOLDER_INVALID', `dir: ${dir} is not a full path (for example E:\\ebill-backups or /media/usb/ebill)`);
  const target = resolve(dir);
  try {
    if (existsSync(target) && !statSync(target).isDirectory()) throw new Error('it is a file, not a folder');
    mkdirSync(target, { recursive: true });
    accessSync(target, constants.W_OK);
  } catch (error) {
    throw new CodedError('BACKUP_FOLDER_INVALID', `dir: ${target} cannot be used as the backup folder: ${(error as Error).message}`);
  }
  readBackupConfig(dataDir); // a malformed configuration is refused (BACKUP_FAILED), not overwritten
  const file = join(dataDir, BACKUP_CONFIG_FILE_NAME);
  const current = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const temp = `${file}.partial`;
  writeFileSync(temp, `${JSON.stringify({ ...current, dir: target }, null, 2)}\n`, 'utf8');
  renameSync(temp, file);
  return { dir: target };
}
