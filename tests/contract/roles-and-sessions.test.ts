import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN_POLICY } from '../../src-main/users/user-service';
import { client, expectOk, loginAs, makeSetUpOffice, PASSWORD, snapshotBusinessTables, type TestOffice } from '../helpers/office';

const IDLE_MS = 10 * 60_000;
let office: TestOffice;
beforeEach(async () => {
  office = await makeSetUpOffice({ idleTimeoutMs: IDLE_MS });
});
afterEach(() => office.close());

const lastAudit = (action: string) =>
  office.host.services.database.sqlite.prepare(`SELECT username, outcome, code, channel FROM audit_log WHERE action = ? ORDER BY rowid DESC LIMIT 1`).get(action);

describe('roles are checked in main for every call', () => {
  it('refuses a call that needs a login with NOT_LOGGED_IN', async () => {
    const reply = await office.host.call(client('anon'), 'user.list', { includeDisabled: false });
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });

  it('refuses a forbidden role with FORBIDDEN, changes nothing and audits the refusal', async () => {
    const operator = client('op');
    await loginAs(office, operator, 'operator');
    const before = snapshotBusinessTables(office);
    const reply = await office.host.call(operator, 'user.add', { username: 'sneaky', fullNameTh: 'นาย ข', positionTh: 'x', role: 'admin', password: PASSWORD });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(snapshotBusinessTables(office)).toBe(before);
    expect(lastAudit('user.add')).toEqual({ username: 'operator', outcome: 'refused', code: 'FORBIDDEN', channel: 'web' });
  });

  it('lets the auditor read users but not change them', async () => {
    const auditor = client('aud');
    await loginAs(office, auditor, 'auditor');
    const { users } = await expectOk(office.call(auditor, 'user.list', { includeDisabled: true }));
    expect(users.map((u) => u.username).sort()).toEqual(['admin', 'auditor', 'finance', 'head', 'operator', 'supervisor']);
    expect(await office.call(auditor, 'user.disable', { username: 'operator', reason: 'ทดสอบ' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps sessions per client: one tab logging in does not log in another', async () => {
    await loginAs(office, client('tab-1'), 'admin');
    expect(await expectOk(office.call(client('tab-2'), 'session.current', {}))).toEqual({ user: null });
  });
});

describe('lockout after repeated wrong passwords', () => {
  it(`locks after ${LOGIN_POLICY.maxFailedLogins} failures, refuses even the right password, and opens again after the lockout`, async () => {
    const who = client('guesser');
    for (let i = 0; i < LOGIN_POLICY.maxFailedLogins; i += 1) {
      expect(await office.call(who, 'session.login', { username: 'operator', password: 'wrong-guess-1' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    }
    expect(await office.call(who, 'session.login', { username: 'operator', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    expect(lastAudit('session.login')).toMatchObject({ username: 'operator', outcome: 'refused', code: 'LOCKED_OUT' });
    office.clock.advanceMs(LOGIN_POLICY.lockoutMs + 1);
    await loginAs(office, who, 'operator');
  });

  it('resets the failure count after a good login', async () => {
    const who = client('typo');
    for (let i = 0; i < LOGIN_POLICY.maxFailedLogins - 1; i += 1) await office.call(who, 'session.login', { username: 'operator', password: 'typo-typo-1' });
    await loginAs(office, who, 'operator');
    await office.call(who, 'session.login', { username: 'operator', password: 'typo-typo-1' });
    await loginAs(office, who, 'operator');
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const reply = await office.call(client('x'), 'session.login', { username: 'nobody', password: PASSWORD });
    expect(reply).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', message: 'Wrong username or password' } });
  });

  it('never stores the password in the audit log', () => {
    const rows = office.host.services.database.sqlite.prepare(`SELECT detail FROM audit_log WHERE detail IS NOT NULL`).all() as { detail: string }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.detail).not.toContain(PASSWORD);
  });
});

describe('idle timeout and disabled accounts', () => {
  it('ends an idle session, tells that client, and then refuses its calls', async () => {
    const who = client('idle-tab');
    const ended: unknown[] = [];
    office.host.services.events.subscribe((target, name, payload) => {
      if (target === who.id) ended.push([name, payload]);
    });
    await loginAs(office, who, 'operator');
    office.clock.advanceMs(IDLE_MS - 1);
    expect((await expectOk(office.call(who, 'session.current', {}))).user?.username).toBe('operator');
    office.clock.advanceMs(IDLE_MS + 1);
    expect(await expectOk(office.call(who, 'session.current', {}))).toEqual({ user: null });
    expect(ended).toEqual([['session.ended', { reason: 'idle' }]]);
    expect(await office.call(who, 'session.logout', {})).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });

  it('disabling a user ends their sessions and refuses their next login', async () => {
    const admin = client('admin-tab');
    const operator = client('op-tab');
    await loginAs(office, admin, 'admin');
    await loginAs(office, operator, 'operator');
    await expectOk(office.call(admin, 'user.disable', { username: 'operator', reason: 'ย้ายไปสำนักงานอื่น' }));
    expect(await expectOk(office.call(operator, 'session.current', {}))).toEqual({ user: null });
    expect(await office.call(operator, 'session.login', { username: 'operator', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'USER_DISABLED' } });
  });

  it('refuses to disable the last administrator', async () => {
    const admin = client('admin-tab');
    await loginAs(office, admin, 'admin');
    expect(await office.call(admin, 'user.disable', { username: 'admin', reason: 'ทดสอบ' })).toMatchObject({ ok: false, error: { code: 'LAST_ADMIN' } });
  });

  it('refuses a duplicate username and a weak password with their own codes', async () => {
    const admin = client('admin-tab');
    await loginAs(office, admin, 'admin');
    const base = { fullNameTh: 'นาย ค', positionTh: 'เจ้าพนักงาน', role: 'operator' as const };
    expect(await office.call(admin, 'user.add', { ...base, username: 'operator', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'USERNAME_TAKEN' } });
    expect(await office.call(admin, 'user.add', { ...base, username: 'clerk2', password: 'onlyletters' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
    expect(await office.call(admin, 'user.add', { ...base, username: 'clerk2', password: 'clerk2-2569' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
  });

  it('stores argon2id hashes only', () => {
    const rows = office.host.services.database.sqlite.prepare('SELECT password_hash AS h FROM users').all() as { h: string }[];
    for (const row of rows) expect(row.h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('set-up', () => {
  it('refuses a second set-up with ALREADY_SET_UP', async () => {
    const { SETUP_INPUT } = await import('../helpers/office');
    expect(await office.call(client('again'), 'setup.init', SETUP_INPUT)).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
  });

  it('reports the office, slot and business date in app.info', async () => {
    const info = await expectOk(office.call(client('any'), 'app.info', {}));
    expect(info).toMatchObject({ isSetUp: true, isTraining: false, terminalSlot: 1, businessDate: '2026-11-23', office: { place: '5401', province: 'แพร่' } });
  });
});
