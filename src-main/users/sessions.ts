import type { Role } from '../../src-shared/domain/roles';

export interface Session {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  readonly startedAtMs: number;
  lastActivityMs: number;
}

export type SessionEndReason = 'idle' | 'logout' | 'disabled';

/**
 * Who is logged in on which client (an Electron window, a browser-shell tab, a CLI run).
 * Kept in main only: the renderer never holds a credential. A session idle longer than
 * `idleTimeoutMs` ends; `onEnded` lets the transport tell the UI.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly idleTimeoutMs: number,
    private readonly onEnded: (clientId: string, reason: SessionEndReason) => void = () => undefined,
  ) {}

  start(clientId: string, user: { id: string; username: string; role: Role }, nowMs: number): Session {
    const session: Session = { userId: user.id, username: user.username, role: user.role, startedAtMs: nowMs, lastActivityMs: nowMs };
    this.sessions.set(clientId, session);
    return session;
  }

  /** The live session of a client, refreshing its activity; ends it first if it has gone idle. */
  touch(clientId: string, nowMs: number): Session | null {
    const session = this.peek(clientId, nowMs);
    if (session !== null) session.lastActivityMs = nowMs;
    return session;
  }

  /** The live session without counting this as activity (status polls). */
  peek(clientId: string, nowMs: number): Session | null {
    const session = this.sessions.get(clientId);
    if (session === undefined) return null;
    if (nowMs - session.lastActivityMs > this.idleTimeoutMs) {
      this.end(clientId, 'idle');
      return null;
    }
    return session;
  }

  end(clientId: string, reason: SessionEndReason): void {
    if (this.sessions.delete(clientId)) this.onEnded(clientId, reason);
  }

  /** Ends every session of a user (account disabled). */
  endUser(userId: string, reason: SessionEndReason): void {
    for (const [clientId, session] of [...this.sessions]) {
      if (session.userId === userId) this.end(clientId, reason);
    }
  }

  /** Ends idle sessions now (a timer calls this so the UI locks without waiting for a click). */
  sweep(nowMs: number): void {
    for (const clientId of [...this.sessions.keys()]) this.peek(clientId, nowMs);
  }
}
