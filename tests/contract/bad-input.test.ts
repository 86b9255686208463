import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REQUEST_NAMES, requestMap, type RequestName } from '../../src-shared/contract';
import { client, loginAs, makeTestOffice, setUpWithUsers, snapshotBusinessTables, SETUP_INPUT, type TestOffice } from '../helpers/office';

/** For every contract entry, bad inputs with the specific message each must produce. */
const BAD_INPUTS: { readonly [K in RequestName]: readonly (readonly [unknown, RegExp])[] } = {
  'app.info': [
    [{ extra: 1 }, /input: Unrecognized key: "extra"/],
    [null, /input: .*expected object/i],
  ],
  'setup.init': [
    [{ ...SETUP_INPUT, office: { ...SETUP_INPUT.office, place: '54A1' } }, /office\.place: place code must be 4 digits/],
    [{ ...SETUP_INPUT, terminalSlot: 10 }, /terminalSlot: slot is 1–9/],
    [{ ...SETUP_INPUT, terminalSlot: 1.5 }, /terminalSlot: slot must be a whole number/],
    [{ ...SETUP_INPUT, office: { ...SETUP_INPUT.office, billerId: '12345' } }, /office\.billerId: biller id must be 15 digits/],
    [{ ...SETUP_INPUT, office: { ...SETUP_INPUT.office, costCentre: '54001' } }, /office\.costCentre: cost centre must be 10 digits/],
    [{ ...SETUP_INPUT, office: { ...SETUP_INPUT.office, nameTh: '   ' } }, /office\.nameTh: office name is required/],
    [{ ...SETUP_INPUT, office: { ...SETUP_INPUT.office, nameTh: 'อำเภอ\u0007' } }, /office\.nameTh: office name contains control characters/],
    [{ ...SETUP_INPUT, admin: { ...SETUP_INPUT.admin, password: 'short1' } }, /admin\.password: password must have at least 8 characters/],
    [{ ...SETUP_INPUT, admin: { ...SETUP_INPUT.admin, username: 'Admin!' } }, /admin\.username: username: 3–32 characters/],
    [{ ...SETUP_INPUT, isTraining: 'no' }, /isTraining: .*expected boolean/i],
  ],
  'session.login': [
    [{ username: '', password: 'x' }, /username: username is required/],
    [{ username: 'admin' }, /password: .*expected string/i],
    [{ username: 'admin', password: 'x', remember: true }, /Unrecognized key: "remember"/],
  ],
  'session.logout': [[{ everywhere: true }, /Unrecognized key: "everywhere"/]],
  'session.current': [[[], /input: .*expected object/i]],
  'user.list': [
    [{}, /includeDisabled: .*expected boolean/i],
    [{ includeDisabled: 1 }, /includeDisabled: .*expected boolean/i],
  ],
  'user.add': [
    [{ username: 'clerk1', fullNameTh: 'นาย ก', positionTh: 'เจ้าพนักงาน', role: 'king', password: 'Counter2569' }, /role: Invalid option/i],
    [{ username: 'c', fullNameTh: 'นาย ก', positionTh: 'เจ้าพนักงาน', role: 'operator', password: 'Counter2569' }, /username: username: 3–32/],
    [{ username: 'clerk1', fullNameTh: '', positionTh: 'เจ้าพนักงาน', role: 'operator', password: 'Counter2569' }, /fullNameTh: full name is required/],
    [{ username: 'clerk1', fullNameTh: 'นาย ก', positionTh: 'เจ้าพนักงาน', role: 'operator', password: 'x'.repeat(129) }, /password: password is longer than 128/],
  ],
  'user.disable': [
    [{ username: 'operator', reason: '' }, /reason: reason is required/],
    [{ username: 'operator' }, /reason: .*expected string/i],
  ],
};

let office: TestOffice;
beforeEach(async () => {
  office = makeTestOffice();
  await setUpWithUsers(office);
});
afterEach(() => office.close());

function allowedUser(name: RequestName): string | null {
  const access = requestMap[name].access;
  if (access === 'public') return null;
  return access.includes('admin') ? 'admin' : (access[0] ?? null);
}

describe('every contract entry refuses bad input with BAD_INPUT and a specific message, changing nothing', () => {
  const cases = REQUEST_NAMES.flatMap((name) => BAD_INPUTS[name].map(([input, message], i) => [name, i, input, message] as const));
  it.each(cases)('%s #%i', async (name, _i, input, message) => {
    const who = client(`bad-input-${name}`);
    const user = allowedUser(name);
    if (user !== null) await loginAs(office, who, user);
    const before = snapshotBusinessTables(office);
    const reply = await office.host.call(who, name, input);
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!reply.ok) expect(reply.error.message).toMatch(message);
    expect(snapshotBusinessTables(office)).toBe(before);
    const audit = office.host.services.database.sqlite.prepare(`SELECT outcome, code FROM audit_log WHERE action = ? ORDER BY at_ms DESC, rowid DESC LIMIT 1`).get(name);
    expect(audit).toEqual({ outcome: 'refused', code: 'BAD_INPUT' });
  });

  it('covers every request in the contract', () => {
    for (const name of REQUEST_NAMES) expect(BAD_INPUTS[name].length).toBeGreaterThan(0);
  });
});

describe('limits and names', () => {
  it('refuses an input over the size limit with TOO_LARGE before parsing it', async () => {
    const before = snapshotBusinessTables(office);
    const reply = await office.host.call(client('big'), 'session.login', { username: 'admin', password: 'x'.repeat(20_000) });
    expect(reply).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(snapshotBusinessTables(office)).toBe(before);
  });

  it('refuses an unknown request name with UNKNOWN_REQUEST and audits it', async () => {
    const reply = await office.host.call(client('x'), 'ledger.deleteEverything', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
    const audit = office.host.services.database.sqlite.prepare(`SELECT outcome, code FROM audit_log WHERE action = 'ledger.deleteEverything'`).get();
    expect(audit).toEqual({ outcome: 'refused', code: 'UNKNOWN_REQUEST' });
  });

  it('refuses input that is not plain JSON data', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const reply = await office.host.call(client('cyclic'), 'app.info', cyclic);
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'input: not plain JSON data' } });
  });
});
