import { describe, expect, it } from 'vitest';
import { matchesShortcut, SHORTCUTS } from './shortcuts';

const press = (code: string, modifiers: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('shortcuts', () => {
  it('match the physical key, so Alt+L works with the Thai layout on', () => {
    // With the Thai layout the L key types "ส", but its code is still KeyL.
    expect(matchesShortcut(press('KeyL', { altKey: true }), SHORTCUTS.logout)).toBe(true);
    expect(matchesShortcut(press('F2'), SHORTCUTS.users)).toBe(true);
  });

  it('need exactly their modifiers', () => {
    expect(matchesShortcut(press('KeyL'), SHORTCUTS.logout)).toBe(false);
    expect(matchesShortcut(press('KeyL', { altKey: true, ctrlKey: true }), SHORTCUTS.logout)).toBe(false);
    expect(matchesShortcut(press('F2', { shiftKey: true }), SHORTCUTS.users)).toBe(false);
  });

  it('are all different', () => {
    const keys = Object.values(SHORTCUTS).map((s) => `${s.alt ? 'Alt+' : ''}${s.code}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
