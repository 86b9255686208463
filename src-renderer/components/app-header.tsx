import type { UserSummary } from '../../src-shared/contract';
import type { AppInfo } from '../app/app-info';
import { SHORTCUTS } from '../app/shortcuts';
import { formatBusinessDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { roleLabel } from '../i18n/messages';
import { LanguageSwitch } from './language-switch';
import { ShortcutHint } from './shortcut-hint';

export interface AppHeaderProps {
  readonly info: AppInfo | null;
  readonly user?: UserSummary;
  readonly onLogout?: () => void;
  readonly isLoggingOut?: boolean;
}

/** Office, terminal, business date, who is logged in, language switch and logout. */
export function AppHeader({ info, user, onLogout, isLoggingOut = false }: AppHeaderProps) {
  const { t, language } = useI18n();
  const office = info?.office ?? null;
  return (
    <header className="app-header">
      <div className="app-header__office">
        <p className="app-header__app">{t.appName}</p>
        {office !== null && (
          <>
            <p className="app-header__office-name" lang="th">
              {office.nameTh}
            </p>
            <p className="app-header__meta">
              {t.header.placeCode} <strong>{office.place}</strong>
              {info !== null && info.terminalSlot !== null && (
                <>
                  {' · '}
                  {t.header.terminal} <strong>{info.terminalSlot}</strong>
                </>
              )}
            </p>
          </>
        )}
      </div>
      {info !== null && (
        <div className="app-header__date">
          <p className="app-header__label">{t.header.businessDate}</p>
          <p className="app-header__date-value">{formatBusinessDate(info.businessDate, language)}</p>
        </div>
      )}
      <div className="app-header__user">
        {user !== undefined && (
          <div className="app-header__who">
            <p className="app-header__user-name" lang="th">
              {user.fullNameTh}
            </p>
            <p className="app-header__meta">
              <span lang="th">{user.positionTh}</span> · {roleLabel(user.role, language)}
            </p>
          </div>
        )}
        <div className="app-header__actions">
          <LanguageSwitch />
          {onLogout !== undefined && (
            <button
              type="button"
              className="button button--header"
              onClick={onLogout}
              disabled={isLoggingOut}
              aria-keyshortcuts="Alt+L"
            >
              {t.header.logout} <ShortcutHint shortcut={SHORTCUTS.logout} />
            </button>
          )}
        </div>
      </div>
    </header>
  );
}
