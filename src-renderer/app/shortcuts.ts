/**
 * Keyboard shortcuts, matched on `KeyboardEvent.code` (the physical key), so they work the same
 * with the Thai keyboard layout on; `label` is what the screen shows next to the action.
 */
export interface Shortcut {
  readonly code: string;
  readonly alt: boolean;
  readonly label: string;
}

export const SHORTCUTS = {
  users: { code: 'F2', alt: false, label: 'F2' },
  home: { code: 'KeyH', alt: true, label: 'Alt+H' },
  logout: { code: 'KeyL', alt: true, label: 'Alt+L' },
  addUser: { code: 'KeyN', alt: true, label: 'Alt+N' },
  refresh: { code: 'KeyR', alt: true, label: 'Alt+R' },
} as const satisfies Record<string, Shortcut>;

export interface KeyPress {
  readonly code: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

export function matchesShortcut(press: KeyPress, shortcut: Shortcut): boolean {
  return press.code === shortcut.code && press.altKey === shortcut.alt && !press.ctrlKey && !press.metaKey && !press.shiftKey;
}
