import { eq } from 'drizzle-orm';
import type { UserSummary } from '../../src-shared/contract';
import type { Role } from '../../src-shared/domain/roles';
import { CodedError } from '../../src-shared/result';
import type { Db } from '../db/open';
import type { Clock } from '../platform/clock';
import { newId } from '../platform/ids';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { countActiveAdmins, findUserByUsername, listUserRows, toSummary, type UserRow } from './user-repo';
import { users } from './schema';

/** Lockout policy (issue 3): named limits. */
export const LOGIN_POLICY = { maxFailedLogins: 5, lockoutMs: 15 * 60_000 } as const;

export interface NewUser {
  readonly username: string;
  readonly fullNameTh: string;
  readonly positionTh: string;
  readonly role: Role;
  readonly password: string;
}

/** Checks beyond length that a schema cannot express; the same rule for UI, CLI and set-up. */
export function assertPasswordStrength(password: string, username: string): void {
  if (password.toLowerCase().includes(username.toLowerCase())) {
    throw new CodedError('WEAK_PASSWORD', 'The password must not contain the username');
  }
  if (!/\d/.test(password) || !/\p{L}/u.test(password)) {
    throw new CodedError('WEAK_PASSWORD', 'The password needs at least one letter and one digit');
  }
}

/** Hashes outside any transaction (argon2 is async); the caller inserts the returned row. */
export async function prepareUser(clock: Clock, input: NewUser, createdByUserId: string | null): Promise<UserRow> {
  assertPasswordStrength(input.password, input.username);
  return {
    id: newId(clock),
    username: input.username,
    fullNameTh: input.fullNameTh,
    positionTh: input.positionTh,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    isDisabled: false,
    failedLoginCount: 0,
    lockedUntilMs: null,
    createdAtMs: clock.nowMs(),
    createdByUserId,
    centrallyApprovedAtMs: null,
  };
}

export function insertUser(db: Db, row: UserRow): UserSummary {
  if (findUserByUsername(db, row.username) !== undefined) {
    throw new CodedError('USERNAME_TAKEN', `The username "${row.username}" is already in use`);
  }
  db.insert(users).values(row).run();
  return toSummary(row);
}

export async function addUser(db: Db, clock: Clock, input: NewUser, createdByUserId: string | null): Promise<UserSummary> {
  if (findUserByUsername(db, input.username) !== undefined) {
    throw new CodedError('USERNAME_TAKEN', `The username "${input.username}" is already in use`);
  }
  const row = await prepareUser(clock, input, createdByUserId);
  return db.transaction(() => insertUser(db, row));
}

export function listUsers(db: Db, includeDisabled: boolean): UserSummary[] {
  return listUserRows(db)
    .filter((u) => includeDisabled || !u.isDisabled)
    .map(toSummary);
}

export function disableUser(db: Db, username: string): UserSummary {
  return db.transaction(() => {
    const row = findUserByUsername(db, username);
    if (row === undefined) throw new CodedError('NOT_FOUND', `No user named "${username}"`);
    if (row.isDisabled) return toSummary(row);
    if (row.role === 'admin' && countActiveAdmins(db) <= 1) {
      throw new CodedError('LAST_ADMIN', 'The last active administrator cannot be disabled');
    }
    db.update(users).set({ isDisabled: true }).where(eq(users.id, row.id)).run();
    return toSummary({ ...row, isDisabled: true });
  });
}

/**
 * Checks a login. Unknown user and wrong password give the same BAD_CREDENTIALS (and take the same
 * time); after LOGIN_POLICY.maxFailedLogins wrong passwords in a row the account is locked for
 * LOGIN_POLICY.lockoutMs, during which even the right password is refused.
 */
export async function authenticate(db: Db, clock: Clock, username: string, password: string): Promise<UserSummary> {
  const row = findUserByUsername(db, username.trim().toLowerCase());
  if (row === undefined) {
    await verifyPassword(await dummyPasswordHash(), password);
    throw new CodedError('BAD_CREDENTIALS', 'Wrong username or password');
  }
  if (row.isDisabled) throw new CodedError('USER_DISABLED', `The account "${row.username}" is disabled`);
  const nowMs = clock.nowMs();
  if (row.lockedUntilMs !== null && row.lockedUntilMs > nowMs) {
    throw new CodedError('LOCKED_OUT', `Too many wrong passwords: the account is locked until ${new Date(row.lockedUntilMs).toISOString()}`);
  }
  const isValid = await verifyPassword(row.passwordHash, password);
  if (!isValid) {
    recordFailure(db, row, clock.nowMs());
    throw new CodedError('BAD_CREDENTIALS', 'Wrong username or password');
  }
  db.update(users).set({ failedLoginCount: 0, lockedUntilMs: null }).where(eq(users.id, row.id)).run();
  return toSummary(row);
}

function recordFailure(db: Db, row: UserRow, nowMs: number): void {
  db.transaction(() => {
    // Re-read inside the transaction: two terminals' web tabs may fail at once.
    const current = db.select().from(users).where(eq(users.id, row.id)).get();
    const lockExpired = current?.lockedUntilMs !== null && (current?.lockedUntilMs ?? 0) <= nowMs;
    const failures = (lockExpired ? 0 : (current?.failedLoginCount ?? 0)) + 1;
    const lockedUntilMs = failures >= LOGIN_POLICY.maxFailedLogins ? nowMs + LOGIN_POLICY.lockoutMs : null;
    db.update(users)
      .set({ failedLoginCount: lockedUntilMs === null ? failures : 0, lockedUntilMs })
      .where(eq(users.id, row.id))
      .run();
  });
}
