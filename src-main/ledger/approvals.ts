import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ApprovalInput } from '../../src-shared/contract';
import { businessDateOf } from '../../src-shared/dates';
import type { ApprovalMethod } from '../../src-shared/domain/reasons';
import { CodedError } from '../../src-shared/result';
import type { Db } from '../db/open';
import type { Clock } from '../platform/clock';
import type { Session } from '../users/sessions';
import { findUserByUsername } from '../users/user-repo';
import { authenticate } from '../users/user-service';
import type { LedgerDeps } from './action';
import { issuingIdentity } from './identity';
import { prepared } from './statements';

export const APPROVAL_CODE_DIGITS = 8;

/** What an approval is for: the code covers all of it, so a code for one receipt or reason fits no other. */
export interface ApprovalTarget {
  readonly action: 'receipt.reprint' | 'receipt.cancel' | 'request.cancel';
  /** `book/number` of a receipt, or the Ref1 of a request. */
  readonly subject: string;
  readonly reasonCode: string;
}

export interface Approval {
  readonly supervisorUserId: string;
  readonly method: ApprovalMethod;
  readonly code: string | null;
}

/**
 * The offline approval code (design.md "Supervisor approval", path 3): HMAC-SHA256 with the key
 * central gave this terminal and the supervisor, over terminal, action, subject, reason code and
 * business date; truncated as HOTP does (RFC 4226 §5.3) to 8 digits.
 */
export function approvalCode(key: Buffer, terminal: string, target: ApprovalTarget, businessDate: string): string {
  const message = [terminal, target.action, target.subject, target.reasonCode, businessDate].join('\n');
  const mac = createHmac('sha256', key).update(message, 'utf8').digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** APPROVAL_CODE_DIGITS).padStart(APPROVAL_CODE_DIGITS, '0');
}

function refuse(message: string): never {
  throw new CodedError('BAD_APPROVAL', message);
}

/**
 * Turns what the caller gave into a checked approval, before the ledger action starts (password
 * hashing is slow and must not hold the write lock). A supervisor who is logged in approves their
 * own action; anyone else needs a supervisor in person, an offline code, or an approval asked
 * through central and pulled back.
 */
export async function resolveApproval(
  deps: LedgerDeps & { readonly db: Db; readonly clock: Clock },
  session: Session,
  input: ApprovalInput | undefined,
  target: ApprovalTarget,
): Promise<Approval> {
  if (input === undefined) {
    if (session.role === 'supervisor') return { supervisorUserId: session.userId, method: 'in-person', code: null };
    throw new CodedError('APPROVAL_REQUIRED', `${target.action} needs a supervisor's approval with a reason`);
  }
  if (input.method === 'in-person') {
    const supervisor = await authenticate(deps.db, deps.clock, input.username, input.password);
    if (supervisor.role !== 'supervisor') refuse(`"${supervisor.username}" is not a supervisor and cannot approve`);
    return { supervisorUserId: supervisor.id, method: 'in-person', code: null };
  }
  if (input.method === 'central') return centralApproval(deps, input.requestId, target);
  const supervisor = findUserByUsername(deps.db, input.supervisorUsername);
  if (supervisor === undefined || supervisor.isDisabled || supervisor.role !== 'supervisor') {
    refuse(`"${input.supervisorUsername}" is not an active supervisor`);
  }
  const keyRow = prepared(deps.sqlite, 'SELECT key_base64 AS keyBase64 FROM approval_keys WHERE supervisor_user_id = ? ORDER BY installed_at_ms DESC, id DESC LIMIT 1').get(supervisor.id) as
    | { keyBase64: string }
    | undefined;
  if (keyRow === undefined) throw new CodedError('APPROVAL_KEY_MISSING', `This terminal has no approval key for "${supervisor.username}"`);
  const identity = issuingIdentity(deps.sqlite, deps.machineId);
  const expected = approvalCode(Buffer.from(keyRow.keyBase64, 'base64'), `${identity.place}-${identity.terminalSlot}`, target, businessDateOf(deps.clock.nowMs()));
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(input.code))) refuse('The approval code does not match this terminal, action, receipt, reason and date');
  if (isCodeUsed(deps, input.code)) refuse('This approval code has already been used');
  return { supervisorUserId: supervisor.id, method: 'offline-code', code: input.code };
}

export function isCodeUsed(deps: LedgerDeps, code: string): boolean {
  return (
    prepared(deps.sqlite, 'SELECT 1 FROM receipt_events WHERE approval_code = ? UNION ALL SELECT 1 FROM request_events WHERE approval_code = ? LIMIT 1').get(code, code) !==
    undefined
  );
}

/**
 * The approval central gave for this target (design.md "Supervisor approval", path 2), as the
 * ledger records it: method `central`, the request's id as its code (the events' unique approval
 * code makes it usable once). Asked with `approval.askCentral` (src-main/sync/pull.ts), decided in
 * central's console, pulled into `central_approval_requests`. The approving supervisor must be an
 * active supervisor of this terminal (same username).
 */
export function centralApproval(deps: LedgerDeps, requestId: string, target: ApprovalTarget): Approval {
  const row = prepared(
    deps.sqlite,
    `SELECT action, subject, reason_code AS reasonCode, status, supervisor_username AS supervisorUsername FROM central_approval_requests WHERE id = ?`,
  ).get(requestId) as { action: string; subject: string; reasonCode: string; status: string; supervisorUsername: string | null } | undefined;
  if (row === undefined) throw new CodedError('NOT_FOUND', 'No approval was asked through central with this id');
  if (row.action !== target.action || row.subject !== target.subject || row.reasonCode !== target.reasonCode) {
    refuse('This central approval is for another action, receipt or reason');
  }
  if (row.status === 'pending') throw new CodedError('APPROVAL_REQUIRED', 'Central has not decided this approval yet (pull again later)');
  if (row.status !== 'approved') refuse('The supervisor refused this request at central');
  const supervisor = prepared(deps.sqlite, `SELECT id FROM users WHERE username = ? AND role = 'supervisor' AND is_disabled = 0`).get(row.supervisorUsername) as { id: string } | undefined;
  if (supervisor === undefined) refuse(`"${row.supervisorUsername ?? ''}" is not an active supervisor of this terminal`);
  if (isCodeUsed(deps, requestId)) refuse('This central approval has already been used');
  return { supervisorUserId: supervisor.id, method: 'central', code: requestId };
}
