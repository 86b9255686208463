import { z } from 'zod';
import { parseBusinessDate } from '../dates';
import { ERROR_CODES } from './errors';
import { isoDate } from './fields';
import { LIMITS, type RequestSpec } from './spec';

/** Rows an audit-log page holds at most (style.md §14). */
export const AUDIT_PAGE_MAX = 100;
/** A backup folder path, as typed by an administrator. */
export const BACKUP_DIR_MAX_CHARS = 1_000;

const realDate = isoDate.refine((text) => parseBusinessDate(text).ok, 'not a real calendar date');
const READERS = ['operator', 'supervisor', 'finance', 'head', 'auditor', 'admin'] as const;
const query = { kind: 'query', timeoutMs: LIMITS.defaultTimeoutMs, maxInputBytes: LIMITS.defaultMaxInputBytes } as const;
const command = { kind: 'command', timeoutMs: LIMITS.defaultTimeoutMs, maxInputBytes: LIMITS.defaultMaxInputBytes } as const;

const backupFile = z.strictObject({ name: z.string(), atMs: z.number().int(), headSeq: z.number().int(), bytes: z.number().int() });

export const auditLogInput = z
  .strictObject({
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
    username: z.string().trim().min(1).max(64).regex(/^[^\p{Cc}%_]*$/u, 'username contains control characters or the wildcards % _').optional(),
    action: z.string().trim().min(1).max(64).regex(/^[a-zA-Z.]+$/, 'action: letters and dots only').optional(),
    outcome: z.enum(['ok', 'refused', 'error']).optional(),
    fromDate: realDate.optional(),
    toDate: realDate.optional(),
  })
  .refine((input) => input.fromDate === undefined || input.toDate === undefined || input.fromDate <= input.toDate, 'toDate: must not be before fromDate');
export type AuditLogInput = z.input<typeof auditLogInput>;

const auditRow = z.strictObject({
  id: z.string(),
  atMs: z.number().int(),
  username: z.string().nullable(),
  channel: z.enum(['desktop', 'web', 'cli', 'system']),
  action: z.string(),
  outcome: z.enum(['ok', 'refused', 'error']),
  code: z.string().nullable(),
  /** The call's input as stored (secrets dropped, national IDs masked), JSON text; null when none. */
  detail: z.string().nullable(),
});

/**
 * Home, settings and the auditor's log (issue 7): the sync state and the approvals waiting, both
 * read from this database; the catalog main uses; the backup folder and "back up now"; the audit log.
 */
export const settingsRequests = {
  /** What `ebill sync status` shows (src-main/sync/status.ts). */
  'sync.status': {
    input: z.strictObject({}),
    output: z.strictObject({
      isEnrolled: z.boolean(),
      serverUrl: z.string().nullable(),
      localSeq: z.number().int(),
      centralHighWater: z.number().int(),
      pending: z.number().int(),
      lastAckAtMs: z.number().int().nullable(),
      /** A provincial office's bank lines of other offices' bills waiting to be sent to central (0 at a district office). */
      provincePaymentsPending: z.number().int(),
      /** The background sync of the desktop app and the browser shell (src-main/sync/scheduler.ts); absent where none runs (the CLI). */
      background: z
        .strictObject({
          isRoundRunning: z.boolean(),
          lastRoundAtMs: z.number().int().nullable(),
          lastSuccessAtMs: z.number().int().nullable(),
          lastErrorCode: z.enum(ERROR_CODES).nullable(),
          failures: z.number().int(),
          nextAttemptAtMs: z.number().int().nullable(),
        })
        .optional(),
    }),
    access: READERS,
    ...query,
  },
  /** Reprint / cancel requests sent for approval through central and not decided yet. */
  'approval.pending': {
    input: z.strictObject({}),
    output: z.strictObject({
      requests: z.array(
        z.strictObject({
          id: z.string(),
          action: z.string(),
          subject: z.string(),
          reasonCode: z.string(),
          reasonText: z.string(),
          requestedByNameTh: z.string(),
          requestedAtMs: z.number().int(),
          isSent: z.boolean(),
        }),
      ),
    }),
    access: ['supervisor', 'head', 'admin'],
    ...query,
  },
  /**
   * The revenue codes main accepts: the 14 fine laws and the office's fee types, from the catalog in
   * force (src-main/ledger/catalog-in-force.ts): `version` and `pulledAtMs` of the central version,
   * both null for the shipped default; `refusedVersions`, newer stored versions that failed validation.
   */
  'catalog.list': {
    input: z.strictObject({}),
    output: z.strictObject({
      version: z.number().int().nullable(),
      pulledAtMs: z.number().int().nullable(),
      refusedVersions: z.array(z.number().int()),
      fineLaws: z.array(z.strictObject({ revenueCode: z.string(), lawNameTh: z.string(), lawNameEn: z.string(), group: z.enum(['1.1', '1.2']), rewardBasisPoints: z.number().int(), costBasisPoints: z.number().int() })),
      feeTypes: z.array(
        z.strictObject({ revenueCode: z.string(), nameTh: z.string(), nameEn: z.string(), fund: z.enum(['state-revenue', 'non-budget']), defaultAmountSatang: z.number().int().nullable(), active: z.boolean() }),
      ),
    }),
    access: READERS,
    ...query,
  },
  'backup.status': {
    input: z.strictObject({}),
    output: z.strictObject({ dir: z.string(), isDirConfigured: z.boolean(), keep: z.number().int(), intervalMinutes: z.number().int(), backups: z.array(backupFile), count: z.number().int() }),
    access: ['supervisor', 'finance', 'head', 'auditor', 'admin'],
    ...query,
  },
  /** A verified backup now, to the configured folder (src-main/backup/make-backup.ts). */
  'backup.run': {
    input: z.strictObject({}),
    output: z.strictObject({ file: backupFile, deleted: z.number().int() }),
    access: ['supervisor', 'finance', 'head', 'admin'],
    ...command,
    timeoutMs: 120_000,
  },
  /** Where backups go (a USB disk, a network share): written to backup-config.json. */
  'backup.setFolder': {
    input: z.strictObject({ dir: z.string().trim().min(1).max(BACKUP_DIR_MAX_CHARS).regex(/^[^\p{Cc}]*$/u, 'dir contains control characters') }),
    output: z.strictObject({ dir: z.string() }),
    access: ['admin'],
    ...command,
  },
  /** Every audited action, refused ones included, newest first (seed 001 §3.1.5, §9). */
  'audit.log': {
    input: auditLogInput,
    output: z.strictObject({ rows: z.array(auditRow), total: z.number().int() }),
    access: ['head', 'auditor', 'admin'],
    ...query,
  },
} as const satisfies Record<string, RequestSpec>;
