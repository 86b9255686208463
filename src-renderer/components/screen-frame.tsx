import { useEffect, type ReactNode } from 'react';
import type { UserSummary } from '../../src-shared/contract';
import type { AppInfo } from '../app/app-info';
import { SHORTCUTS } from '../app/shortcuts';
import { useShortcuts } from '../app/use-shortcuts';
import { useI18n } from '../i18n/i18n-context';
import { AppHeader } from './app-header';

export interface ScreenFrameProps {
  readonly title: string;
  readonly info: AppInfo | null;
  readonly user?: UserSummary;
  readonly onLogout?: () => void;
  readonly isLoggingOut?: boolean;
  readonly className?: string;
  readonly children: ReactNode;
}

/** Header + main area of a screen; sets the window title and binds Alt+L when logged in. */
export function ScreenFrame({ title, info, user, onLogout, isLoggingOut, className, children }: ScreenFrameProps) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} — ${t.appName}`;
  }, [title, t]);
  useShortcuts([{ shortcut: SHORTCUTS.logout, run: () => onLogout?.(), enabled: onLogout !== undefined && isLoggingOut !== true }]);
  return (
    <>
      <AppHeader info={info} {...(user === undefined ? {} : { user })} {...(onLogout === undefined ? {} : { onLogout })} isLoggingOut={isLoggingOut ?? false} />
      <main className={`screen${className === undefined ? '' : ` ${className}`}`}>{children}</main>
    </>
  );
}
