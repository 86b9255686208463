import { z } from 'zod';
import { ALL_ROLES, LIMITS, type RequestSpec } from './spec';
import { password, role, thaiText, username } from './fields';

export const userSummary = z.strictObject({
  id: z.string(),
  username,
  fullNameTh: z.string(),
  positionTh: z.string(),
  role,
  isDisabled: z.boolean(),
  /** Accounts are approved centrally (issue 11); a locally created one is flagged until then. */
  isCentrallyApproved: z.boolean(),
  createdAtMs: z.number().int(),
});
export type UserSummary = z.infer<typeof userSummary>;

/** session.* and user.*: logins with roles, lockout, idle timeout, user administration. */
export const userRequests = {
  'session.login': {
    input: z.strictObject({ username: z.string().min(1, 'username is required').max(64), password: z.string().min(1, 'password is required').max(128) }),
    output: z.strictObject({ user: userSummary }),
    access: 'public',
    kind: 'command',
    timeoutMs: LIMITS.loginTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
  'session.logout': {
    input: z.strictObject({}),
    output: z.strictObject({}),
    access: ALL_ROLES,
    kind: 'command',
    timeoutMs: LIMITS.defaultTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
  'session.current': {
    input: z.strictObject({}),
    output: z.strictObject({ user: userSummary.nullable() }),
    access: 'public',
    kind: 'query',
    timeoutMs: LIMITS.defaultTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
  'user.list': {
    input: z.strictObject({ includeDisabled: z.boolean() }),
    output: z.strictObject({ users: z.array(userSummary) }),
    access: ['admin', 'head', 'auditor'],
    kind: 'query',
    timeoutMs: LIMITS.defaultTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
  'user.add': {
    input: z.strictObject({
      username,
      fullNameTh: thaiText('full name', 100),
      positionTh: thaiText('position', 100),
      role,
      password,
    }),
    output: z.strictObject({ user: userSummary }),
    access: ['admin'],
    kind: 'command',
    timeoutMs: LIMITS.loginTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
  'user.disable': {
    input: z.strictObject({ username, reason: thaiText('reason', 200) }),
    output: z.strictObject({ user: userSummary }),
    access: ['admin'],
    kind: 'command',
    timeoutMs: LIMITS.defaultTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
} as const satisfies Record<string, RequestSpec>;
