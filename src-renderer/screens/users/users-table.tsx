import type { UserSummary } from '../../../src-shared/contract';
import { useI18n } from '../../i18n/i18n-context';
import { roleLabel } from '../../i18n/messages';

export interface UsersTableProps {
  readonly users: readonly UserSummary[];
  readonly currentUserId: string;
  /** Absent for read-only roles: then there is no actions column at all. */
  readonly onDisable?: (user: UserSummary) => void;
}

/** Active accounts first, then disabled ones; the server's order inside each group. */
export function orderForDisplay(users: readonly UserSummary[]): UserSummary[] {
  return [...users.filter((u) => !u.isDisabled), ...users.filter((u) => u.isDisabled)];
}

export function UsersTable({ users, currentUserId, onDisable }: UsersTableProps) {
  const { t, language } = useI18n();
  const columns = t.users.columns;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{columns.username}</th>
          <th scope="col">{columns.fullName}</th>
          <th scope="col">{columns.position}</th>
          <th scope="col">{columns.role}</th>
          <th scope="col">{columns.status}</th>
          {onDisable !== undefined && <th scope="col">{columns.actions}</th>}
        </tr>
      </thead>
      <tbody>
        {orderForDisplay(users).map((user) => (
          <tr key={user.id} className={user.isDisabled ? 'table__row--disabled' : undefined}>
            <td className="table__mono">
              {user.username}
              {user.id === currentUserId && <span className="table__you"> {t.users.you}</span>}
            </td>
            <td lang="th">{user.fullNameTh}</td>
            <td lang="th">{user.positionTh}</td>
            <td>{roleLabel(user.role, language)}</td>
            <td>
              <span className={`badge ${user.isDisabled ? 'badge--disabled' : 'badge--active'}`}>{user.isDisabled ? t.users.disabled : t.users.active}</span>
              {!user.isCentrallyApproved && <span className="badge badge--pending">{t.users.pendingApproval}</span>}
            </td>
            {onDisable !== undefined && (
              <td>
                {!user.isDisabled && user.id !== currentUserId && (
                  <button type="button" className="button button--danger button--small" onClick={() => onDisable(user)} aria-label={t.users.disableLabel(user.username)}>
                    {t.users.disable}
                  </button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
