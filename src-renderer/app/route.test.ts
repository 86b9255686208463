import { describe, expect, it } from 'vitest';
import type { UserSummary } from '../../src-shared/contract';
import type { Role } from '../../src-shared/domain/roles';
import { INITIAL_ROUTE, nextRoute, type Route } from './route';

const user = (role: Role): UserSummary => ({
  id: `id-${role}`,
  username: role,
  fullNameTh: 'นายทดสอบ ระบบ',
  positionTh: 'เจ้าพนักงาน',
  role,
  isDisabled: false,
  isCentrallyApproved: false,
  createdAtMs: 0,
});

describe('nextRoute', () => {
  it('starts on loading and goes to set-up on a fresh terminal', () => {
    expect(nextRoute(INITIAL_ROUTE, { type: 'loaded', isSetUp: false, user: null })).toEqual({ screen: 'setup' });
  });

  it('goes to login, or straight home when the tab still has a session', () => {
    expect(nextRoute(INITIAL_ROUTE, { type: 'loaded', isSetUp: true, user: null })).toEqual({ screen: 'login', notice: null });
    expect(nextRoute(INITIAL_ROUTE, { type: 'loaded', isSetUp: true, user: user('operator') })).toEqual({ screen: 'home', user: user('operator') });
  });

  it('shows a failed start and retries it', () => {
    const failed = nextRoute(INITIAL_ROUTE, { type: 'load-failed', error: { code: 'INTERNAL', message: 'x' } });
    expect(failed.screen).toBe('load-failed');
    expect(nextRoute(failed, { type: 'retry' })).toEqual(INITIAL_ROUTE);
  });

  it('goes from set-up to login with a notice', () => {
    expect(nextRoute({ screen: 'setup' }, { type: 'set-up' })).toEqual({ screen: 'login', notice: 'set-up-done' });
  });

  it('logs in, opens users for roles that may list them, and comes home', () => {
    const home = nextRoute({ screen: 'login', notice: null }, { type: 'logged-in', user: user('auditor') });
    const users = nextRoute(home, { type: 'open-users' });
    expect(users).toEqual({ screen: 'users', user: user('auditor') });
    expect(nextRoute(users, { type: 'open-home' })).toEqual(home);
  });

  it('never opens users for a role the contract does not allow', () => {
    for (const role of ['operator', 'supervisor', 'finance'] as const) {
      const home: Route = { screen: 'home', user: user(role) };
      expect(nextRoute(home, { type: 'open-users' })).toBe(home);
    }
  });

  it('returns to login with the reason when the session ends, once', () => {
    const users: Route = { screen: 'users', user: user('admin') };
    const login = nextRoute(users, { type: 'session-ended', notice: 'idle' });
    expect(login).toEqual({ screen: 'login', notice: 'idle' });
    // The logout reply and the session.ended event both arrive: the second changes nothing.
    expect(nextRoute(login, { type: 'session-ended', notice: 'logout' })).toBe(login);
  });

  it('ignores events that make no sense where the user is', () => {
    const setup: Route = { screen: 'setup' };
    expect(nextRoute(setup, { type: 'session-ended', notice: 'idle' })).toBe(setup);
    expect(nextRoute(setup, { type: 'logged-in', user: user('admin') })).toBe(setup);
    const login: Route = { screen: 'login', notice: null };
    expect(nextRoute(login, { type: 'open-users' })).toBe(login);
    expect(nextRoute(login, { type: 'loaded', isSetUp: false, user: null })).toBe(login);
  });
});

describe('counter screens open only for the roles whose requests allow them', () => {
  const home = (role: Role): Route => ({ screen: 'home', user: user(role) });
  it('an operator opens a new request and a bill, but not the bank import or the audit screen', () => {
    expect(nextRoute(home('operator'), { type: 'open', target: { screen: 'new-request' } })).toEqual({ screen: 'new-request', user: user('operator') });
    expect(nextRoute(home('operator'), { type: 'open', target: { screen: 'bill', ref1: '100540169100001' } })).toEqual({ screen: 'bill', ref1: '100540169100001', user: user('operator') });
    expect(nextRoute(home('operator'), { type: 'open', target: { screen: 'bank' } })).toEqual(home('operator'));
    expect(nextRoute(home('operator'), { type: 'open', target: { screen: 'audit' } })).toEqual(home('operator'));
  });

  it('an auditor reads (search, receipts, audit) but never opens a new request; finance opens the bank import', () => {
    expect(nextRoute(home('auditor'), { type: 'open', target: { screen: 'new-request' } })).toEqual(home('auditor'));
    expect(nextRoute(home('auditor'), { type: 'open', target: { screen: 'audit' } }).screen).toBe('audit');
    expect(nextRoute(home('auditor'), { type: 'open', target: { screen: 'receipt', book: 'E70-5401-1', number: 1 } }).screen).toBe('receipt');
    expect(nextRoute(home('finance'), { type: 'open', target: { screen: 'bank' } }).screen).toBe('bank');
  });

  it('nothing opens from the login screen, and home comes back from any counter screen', () => {
    expect(nextRoute({ screen: 'login', notice: null }, { type: 'open', target: { screen: 'search' } })).toEqual({ screen: 'login', notice: null });
    const search = nextRoute(home('supervisor'), { type: 'open', target: { screen: 'search' } });
    expect(nextRoute(search, { type: 'open-home' })).toEqual(home('supervisor'));
    expect(nextRoute(search, { type: 'session-ended', notice: 'idle' })).toEqual({ screen: 'login', notice: 'idle' });
  });
});
