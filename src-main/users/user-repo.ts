import { asc, eq } from 'drizzle-orm';
import type { UserSummary } from '../../src-shared/contract';
import type { Role } from '../../src-shared/domain/roles';
import type { Db } from '../db/open';
import { users } from './schema';

export type UserRow = typeof users.$inferSelect;

export function toSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    username: row.username,
    fullNameTh: row.fullNameTh,
    positionTh: row.positionTh,
    role: row.role as Role,
    isDisabled: row.isDisabled,
    isCentrallyApproved: row.centrallyApprovedAtMs !== null,
    createdAtMs: row.createdAtMs,
  };
}

export function findUserByUsername(db: Db, username: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.username, username)).get();
}

export function findUserById(db: Db, id: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function listUserRows(db: Db): UserRow[] {
  return db.select().from(users).orderBy(asc(users.username)).all();
}

export function countActiveAdmins(db: Db): number {
  return listUserRows(db).filter((u) => u.role === 'admin' && !u.isDisabled).length;
}
