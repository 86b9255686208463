import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReplyError, UserSummary } from '../../../src-shared/contract';
import { mayManageUsers } from '../../app/permissions';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { ShortcutHint } from '../../components/shortcut-hint';
import { useI18n } from '../../i18n/i18n-context';
import { AddUserDialog } from './add-user-dialog';
import { DisableUserDialog } from './disable-user-dialog';
import { UsersTable } from './users-table';
import type { ScreenProps } from '../../app/screen-props';

export type UsersScreenProps = ScreenProps;

type Done = { readonly kind: 'added' | 'disabled'; readonly username: string };
type OpenDialog = { readonly kind: 'add' } | { readonly kind: 'disable'; readonly user: UserSummary } | null;

/** ผู้ใช้งาน: the office's accounts; an administrator adds and disables, head and auditor only read. */
export function UsersScreen({ info, user, request, onHome, onLogout, isLoggingOut }: UsersScreenProps) {
  const { t } = useI18n();
  const canManage = mayManageUsers(user.role);
  const [users, setUsers] = useState<readonly UserSummary[] | null>(null);
  const [loadError, setLoadError] = useState<ReplyError | null>(null);
  const [isLoading, setIsLoading] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // After a dialog that removed the button it came from, focus lands here instead of on nothing.
  const listTitleRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    setIsLoading(true);
    const reply = await request('user.list', { includeDisabled: true });
    setIsLoading(false);
    if (reply.ok) {
      setUsers(reply.value.users);
      setLoadError(null);
    } else {
      setLoadError(reply.error);
    }
  }, [request]);
  useEffect(() => {
    void load();
  }, [load]);

  const openAdd = (): void => {
    setDone(null);
    setDialog({ kind: 'add' });
  };
  const isDialogOpen = dialog !== null;
  useShortcuts([
    { shortcut: SHORTCUTS.home, run: onHome, enabled: !isDialogOpen },
    { shortcut: SHORTCUTS.refresh, run: () => void load(), enabled: !isDialogOpen && !isLoading },
    { shortcut: SHORTCUTS.addUser, run: openAdd, enabled: canManage && !isDialogOpen },
  ]);

  const doneText = done === null ? null : done.kind === 'added' ? t.users.add.done(done.username) : t.users.disableDialog.done(done.username);
  return (
    <ScreenFrame title={t.users.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--users">
      <div className="screen__toolbar">
        <h1 className="screen__title">{t.users.title}</h1>
        <div className="screen__toolbar-actions">
          {canManage && (
            <button type="button" className="button button--primary" onClick={openAdd} aria-keyshortcuts="Alt+N" autoFocus>
              {t.users.add.heading} <ShortcutHint shortcut={SHORTCUTS.addUser} />
            </button>
          )}
          <button type="button" className="button" onClick={() => void load()} disabled={isLoading} aria-keyshortcuts="Alt+R">
            {t.users.refresh} <ShortcutHint shortcut={SHORTCUTS.refresh} />
          </button>
          <button type="button" className="button" onClick={onHome} aria-keyshortcuts="Alt+H" autoFocus={!canManage}>
            {t.header.home} <ShortcutHint shortcut={SHORTCUTS.home} />
          </button>
        </div>
      </div>
      <StatusRegion text={doneText} />
      <section className="panel users__list" aria-labelledby="users-list-title" aria-busy={isLoading}>
        <div className="panel__heading">
          <h2 ref={listTitleRef} id="users-list-title" className="section-title" tabIndex={-1}>
            {t.users.listHeading}
          </h2>
          {users !== null && <p className="panel__count">{t.users.count(users.length)}</p>}
        </div>
        {!canManage && <p className="notice notice--info">{t.users.readOnly}</p>}
        <ErrorRegion error={loadError} />
        {users === null ? (
          loadError === null && <p className="panel__text">{t.users.loadingList}</p>
        ) : users.length === 0 ? (
          <p className="panel__text">{t.users.empty}</p>
        ) : (
          <div className="table-scroll">
            <UsersTable users={users} currentUserId={user.id} {...(canManage ? { onDisable: (target: UserSummary) => { setDone(null); setDialog({ kind: 'disable', user: target }); } } : {})} />
          </div>
        )}
      </section>
      {dialog?.kind === 'add' && (
        <AddUserDialog
          request={request}
          onClose={() => setDialog(null)}
          onAdded={(added) => {
            setDialog(null);
            setDone({ kind: 'added', username: added.username });
            void load();
          }}
        />
      )}
      {dialog?.kind === 'disable' && (
        <DisableUserDialog
          user={dialog.user}
          request={request}
          onClose={() => setDialog(null)}
          onDisabled={(disabled) => {
            setDialog(null);
            setDone({ kind: 'disabled', username: disabled.username });
            // The row's button is gone after the reload; put focus somewhere sensible.
            void load().then(() => listTitleRef.current?.focus());
          }}
        />
      )}
    </ScreenFrame>
  );
}
