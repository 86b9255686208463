import { useEffect, useRef } from 'react';
import { matchesShortcut, type Shortcut } from './shortcuts';

export interface ShortcutBinding {
  readonly shortcut: Shortcut;
  readonly run: () => void;
  /** false while the action is unavailable (a dialog is open, a request is running). */
  readonly enabled?: boolean;
}

/** Binds shortcuts on the whole window while the calling screen is shown. */
export function useShortcuts(bindings: readonly ShortcutBinding[]): void {
  const latest = useRef(bindings);
  useEffect(() => {
    latest.current = bindings;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.repeat) return;
      const binding = latest.current.find((b) => b.enabled !== false && matchesShortcut(event, b.shortcut));
      if (binding === undefined) return;
      event.preventDefault();
      binding.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
