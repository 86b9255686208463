import type { UserSummary } from '../../src-shared/contract';
import type { AppInfo } from '../app/app-info';
import { mayManageUsers, mayViewUsers } from '../app/permissions';
import { SHORTCUTS } from '../app/shortcuts';
import { useShortcuts } from '../app/use-shortcuts';
import { ScreenFrame } from '../components/screen-frame';
import { ShortcutHint } from '../components/shortcut-hint';
import { formatBusinessDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';

const MS_PER_MINUTE = 60_000;

export interface HomeScreenProps {
  readonly info: AppInfo | null;
  readonly user: UserSummary;
  readonly onOpenUsers: () => void;
  readonly onLogout: () => void;
  readonly isLoggingOut: boolean;
}

/**
 * หน้าหลัก: a welcome with today's business date, and a tile for each thing this role can do now.
 * Nothing that is not built yet is shown, and no number is shown that the system did not give.
 */
export function HomeScreen({ info, user, onOpenUsers, onLogout, isLoggingOut }: HomeScreenProps) {
  const { t, language } = useI18n();
  const canViewUsers = mayViewUsers(user.role);
  useShortcuts([{ shortcut: SHORTCUTS.users, run: onOpenUsers, enabled: canViewUsers }]);
  return (
    <ScreenFrame title={t.home.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--home">
      <section className="panel welcome" aria-labelledby="welcome-title">
        <h1 id="welcome-title" className="welcome__title">
          {t.home.welcome(user.fullNameTh)}
        </h1>
        {info !== null && (
          <p className="welcome__date">
            <span className="welcome__label">{t.home.today}</span> {formatBusinessDate(info.businessDate, language, 'full')}
          </p>
        )}
        {info !== null && <p className="welcome__note">{t.home.idleNote(Math.round(info.idleTimeoutMs / MS_PER_MINUTE))}</p>}
      </section>
      {canViewUsers && (
        <section className="tiles" aria-labelledby="tiles-title">
          <h2 id="tiles-title" className="section-title">
            {t.home.tilesHeading}
          </h2>
          <div className="tiles__grid">
            <button type="button" className="tile" onClick={onOpenUsers} aria-keyshortcuts="F2" autoFocus>
              <span className="tile__title">{t.home.usersTile}</span>
              <span className="tile__text">{mayManageUsers(user.role) ? t.home.usersTileManage : t.home.usersTileView}</span>
              <ShortcutHint shortcut={SHORTCUTS.users} />
            </button>
          </div>
        </section>
      )}
    </ScreenFrame>
  );
}
