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
  newRequest: { code: 'F3', alt: false, label: 'F3' },
  paidBills: { code: 'F4', alt: false, label: 'F4' },
  search: { code: 'F7', alt: false, label: 'F7' },
  bank: { code: 'F8', alt: false, label: 'F8' },
  printers: { code: 'F9', alt: false, label: 'F9' },
  audit: { code: 'F10', alt: false, label: 'F10' },
  outage: { code: 'F6', alt: false, label: 'F6' },
  paperReceipt: { code: 'F5', alt: false, label: 'F5' },
  books: { code: 'F1', alt: false, label: 'F1' },
  field: { code: 'KeyO', alt: true, label: 'Alt+O' },
  manualReport: { code: 'KeyM', alt: true, label: 'Alt+M' },
  dayClose: { code: 'KeyK', alt: true, label: 'Alt+K' },
  shiftClose: { code: 'KeyJ', alt: true, label: 'Alt+J' },
  reports: { code: 'KeyQ', alt: true, label: 'Alt+Q' },
  remittance: { code: 'KeyU', alt: true, label: 'Alt+U' },
  addRange: { code: 'KeyA', alt: true, label: 'Alt+A' },
  save: { code: 'KeyS', alt: true, label: 'Alt+S' },
  cash: { code: 'KeyC', alt: true, label: 'Alt+C' },
  billSlip: { code: 'KeyB', alt: true, label: 'Alt+B' },
  evidence: { code: 'KeyE', alt: true, label: 'Alt+E' },
  issueReceipt: { code: 'KeyI', alt: true, label: 'Alt+I' },
  reprint: { code: 'KeyP', alt: true, label: 'Alt+P' },
  cancelReceipt: { code: 'KeyX', alt: true, label: 'Alt+X' },
  settings: { code: 'KeyT', alt: true, label: 'Alt+T' },
  auditLog: { code: 'KeyG', alt: true, label: 'Alt+G' },
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
