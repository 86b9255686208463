import type { Shortcut } from '../app/shortcuts';

/** The shortcut of an action, shown on the button itself ("Alt+L"). */
export function ShortcutHint({ shortcut }: { readonly shortcut: Shortcut }) {
  return (
    <kbd className="shortcut" aria-hidden="true">
      {shortcut.label}
    </kbd>
  );
}
