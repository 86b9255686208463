import { describe, expect, it } from 'vitest';
import { SessionStore } from './sessions';

describe('SessionStore', () => {
  it('sweeps idle sessions and reports each once', () => {
    const ended: string[] = [];
    const store = new SessionStore(1_000, (clientId, reason) => ended.push(`${clientId}:${reason}`));
    store.start('a', { id: 'u1', username: 'op', role: 'operator' }, 0);
    store.start('b', { id: 'u2', username: 'sup', role: 'supervisor' }, 0);
    store.touch('b', 900);
    store.sweep(1_500);
    expect(ended).toEqual(['a:idle']);
    expect(store.peek('b', 1_500)?.username).toBe('sup');
    store.sweep(5_000);
    expect(ended).toEqual(['a:idle', 'b:idle']);
  });
  it('ends every session of a disabled user', () => {
    const ended: string[] = [];
    const store = new SessionStore(1_000, (clientId, reason) => ended.push(`${clientId}:${reason}`));
    store.start('a', { id: 'u1', username: 'op', role: 'operator' }, 0);
    store.start('b', { id: 'u1', username: 'op', role: 'operator' }, 0);
    store.endUser('u1', 'disabled');
    expect(ended.sort()).toEqual(['a:disabled', 'b:disabled']);
  });
});
