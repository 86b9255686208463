import { expectTypeOf, test } from 'vitest';
import type { EbillApi, RequestInput, RequestOutput } from '../../src-shared/contract';

/** Type-level tests: a wrong call to the contract does not compile. */
declare const ebill: EbillApi;

test('a correct call compiles and its reply is typed', () => {
  expectTypeOf(ebill.request('user.list', { includeDisabled: true })).resolves.toMatchTypeOf<
    { ok: true; value: RequestOutput<'user.list'> } | { ok: false; error: { code: string; message: string } }
  >();
  expectTypeOf<RequestInput<'session.login'>>().toEqualTypeOf<{ username: string; password: string }>();
});

test('wrong calls fail to compile', () => {
  // @ts-expect-error an unknown request name
  void ebill.request('ledger.deleteEverything', {});
  // @ts-expect-error a missing field
  void ebill.request('session.login', { username: 'admin' });
  // @ts-expect-error a field of the wrong type
  void ebill.request('user.list', { includeDisabled: 'yes' });
  // @ts-expect-error a role that does not exist
  void ebill.request('user.add', { username: 'a', fullNameTh: 'b', positionTh: 'c', role: 'king', password: 'd' });
  // @ts-expect-error an unknown event
  ebill.on('ledger.changed', () => undefined);
  // @ts-expect-error the wrong payload shape for an event listener
  ebill.on('session.ended', (payload: { reason: number }) => payload);
});

test('the reply of a request is narrowed by ok', async () => {
  const reply = await ebill.request('app.info', {});
  if (reply.ok) expectTypeOf(reply.value.businessDate).toEqualTypeOf<string>();
  else expectTypeOf(reply.error.code).toMatchTypeOf<string>();
});
