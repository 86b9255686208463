import type { ReactNode } from 'react';
import { SHORTCUTS } from '../../app/shortcuts';
import { ShortcutHint } from '../../components/shortcut-hint';
import { useI18n } from '../../i18n/i18n-context';

/** A counter screen's title with its actions and the way home (Alt+H, bound by the screen). */
export function ScreenToolbar({ title, onHome, children }: { readonly title: string; readonly onHome: () => void; readonly children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="screen__toolbar">
      <h1 className="screen__title">{title}</h1>
      <div className="screen__toolbar-actions">
        {children}
        <button type="button" className="button" onClick={onHome} aria-keyshortcuts="Alt+H">
          {t.counter.back} <ShortcutHint shortcut={SHORTCUTS.home} />
        </button>
      </div>
    </div>
  );
}
