import type { z } from 'zod';
import type { Role } from '../domain/roles';

/** `public` requests need no login (app.info, set-up, login). Every other one lists its roles. */
export type Access = 'public' | readonly Role[];

export interface RequestSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
  readonly access: Access;
  /** A command changes state and is audited whatever its outcome; a query is audited when refused. */
  readonly kind: 'query' | 'command';
  readonly timeoutMs: number;
  readonly maxInputBytes: number;
}

export interface EventSpec {
  readonly payload: z.ZodType;
}

/** Limits (style.md §14): named, one place. */
export const LIMITS = {
  defaultTimeoutMs: 10_000,
  /** argon2id verification is deliberately slow; login gets more time. */
  loginTimeoutMs: 15_000,
  defaultMaxInputBytes: 16 * 1024,
  /** Largest body the browser shell reads before refusing, whatever the request. */
  httpMaxBodyBytes: 256 * 1024,
} as const;

export const ALL_ROLES = ['operator', 'supervisor', 'finance', 'head', 'auditor', 'admin'] as const satisfies readonly Role[];
