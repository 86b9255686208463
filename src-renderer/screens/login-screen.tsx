import { useRef, useState, type FormEvent } from 'react';
import type { EbillApi, ReplyError, UserSummary } from '../../src-shared/contract';
import type { AppInfo } from '../app/app-info';
import type { LoginNotice } from '../app/route';
import { useCapsLock } from '../app/use-caps-lock';
import { ErrorRegion, StatusRegion } from '../components/error-notice';
import { ScreenFrame } from '../components/screen-frame';
import { TextField } from '../components/text-field';
import { looksTypedInThaiLayout } from '../forms/keyboard-layout';
import { useI18n } from '../i18n/i18n-context';
import type { Dict } from '../i18n/th';

export interface LoginScreenProps {
  readonly info: AppInfo | null;
  readonly notice: LoginNotice | null;
  readonly request: EbillApi['request'];
  readonly onLoggedIn: (user: UserSummary) => void;
}

function noticeText(t: Dict, notice: LoginNotice | null): string | null {
  switch (notice) {
    case null:
      return null;
    case 'idle':
      return t.session.idle;
    case 'logout':
      return t.session.logout;
    case 'disabled':
      return t.session.disabled;
    case 'expired':
      return t.session.expired;
    case 'set-up-done':
      return t.session.setUpDone;
  }
}

/** เข้าสู่ระบบ: username and password; Enter submits; the password is never kept after a failure. */
export function LoginScreen({ info, notice, request, onLoggedIn }: LoginScreenProps) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ReplyError | null>(null);
  const [isChecking, setIsChecking] = useState(false);
  // The notice (logged out, idle…) belongs to the previous session: gone once a new attempt starts.
  const [isNoticeShown, setIsNoticeShown] = useState(true);
  const [isMissing, setIsMissing] = useState<{ username: boolean; password: boolean }>({ username: false, password: false });
  const { isCapsLockOn, capsLockHandlers } = useCapsLock();
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const missing = { username: username.trim() === '', password: password === '' };
    setIsMissing(missing);
    if (missing.username || missing.password) {
      (missing.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setError(null);
    setIsNoticeShown(false);
    setIsChecking(true);
    const reply = await request('session.login', { username: username.trim(), password });
    setIsChecking(false);
    if (reply.ok) {
      onLoggedIn(reply.value.user);
      return;
    }
    setPassword('');
    setError(reply.error);
    passwordRef.current?.focus();
  };

  const passwordWarning = isCapsLockOn ? t.keyboard.capsLock : looksTypedInThaiLayout(password) ? t.keyboard.thaiLayout : null;
  return (
    <ScreenFrame title={t.login.title} info={info} className="screen--centred">
      <form className="panel panel--login" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={isChecking}>
        <h1 className="screen__title">{t.login.title}</h1>
        <StatusRegion text={isNoticeShown ? noticeText(t, notice) : null} />
        <TextField
          ref={usernameRef}
          name="username"
          label={t.fields.username.label}
          value={username}
          onChange={(event) => {
            setUsername(event.target.value);
            setIsMissing((m) => ({ ...m, username: false }));
          }}
          error={isMissing.username ? t.problems.required : null}
          warning={looksTypedInThaiLayout(username) ? t.keyboard.thaiLayout : null}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={64}
          autoFocus
          isRequired
        />
        <TextField
          ref={passwordRef}
          name="password"
          type="password"
          label={t.fields.password.label}
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
            setIsMissing((m) => ({ ...m, password: false }));
          }}
          error={isMissing.password ? t.problems.required : null}
          warning={passwordWarning}
          autoComplete="current-password"
          maxLength={128}
          isRequired
          {...capsLockHandlers}
        />
        <ErrorRegion error={error} />
        <button type="submit" className="button button--primary button--large button--block" disabled={isChecking}>
          {isChecking ? t.login.submitting : t.login.submit}
          {!isChecking && (
            <kbd className="shortcut" aria-hidden="true">
              Enter
            </kbd>
          )}
        </button>
      </form>
    </ScreenFrame>
  );
}
