import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { EbillApi, ReplyError } from '../../src-shared/contract';
import { parseScannerInput } from '../../src-shared/codes/scanner-input';
import { ErrorRegion } from '../components/error-notice';
import { AuditScreen } from '../screens/counter/audit-screen';
import { BankScreen } from '../screens/counter/bank-screen';
import { BillScreen } from '../screens/counter/bill-screen';
import { PaperReceiptScreen } from '../screens/counter/paper-receipt-screen';
import { BooksScreen } from '../screens/counter/books-screen';
import { FieldScreen } from '../screens/counter/field-screen';
import { OutageScreen } from '../screens/counter/outage-screen';
import { NewRequestScreen } from '../screens/counter/new-request-screen';
import { PaidBillsScreen } from '../screens/counter/paid-bills-screen';
import { PrintersScreen } from '../screens/counter/printers-screen';
import { ReceiptScreen } from '../screens/counter/receipt-screen';
import { SearchScreen } from '../screens/counter/search-screen';
import { AuditLogScreen } from '../screens/counter/audit-log-screen';
import { SettingsScreen } from '../screens/counter/settings-screen';
import { DayCloseScreen } from '../screens/counter/day-close-screen';
import { ShiftCloseScreen } from '../screens/counter/shift-close-screen';
import { ReportsScreen } from '../screens/counter/reports-screen';
import { RemittanceScreen } from '../screens/counter/remittance-screen';
import { isCounterRole } from './permissions';
import { useScanner } from './use-scanner';
import { SystemMessages, type SystemMessage } from '../components/system-messages';
import { TrainingBanner } from '../components/training-banner';
import { HomeScreen } from '../screens/home-screen';
import { LoadingScreen } from '../screens/loading-screen';
import { LoginScreen } from '../screens/login-screen';
import { SetupScreen } from '../screens/setup-screen';
import { UsersScreen } from '../screens/users/users-screen';
import type { AppInfo } from './app-info';
import { INITIAL_ROUTE, nextRoute, type CounterTarget } from './route';

/** At most this many `app.error` messages are kept on screen; older ones drop off. */
const MAX_SYSTEM_MESSAGES = 3;

/**
 * The whole UI: one state machine (`route.ts`) decides the screen; `ebill` is the only way out.
 * Listens for session.ended (back to login with the reason) and app.error (a dismissible banner).
 */
export function App({ ebill }: { readonly ebill: EbillApi }) {
  const [route, dispatch] = useReducer(nextRoute, INITIAL_ROUTE);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [messages, setMessages] = useState<readonly SystemMessage[]>([]);
  const [isLoggingOut, setIsLoggingOut] = useState(false);
  const nextMessageId = useRef(1);

  /** Every screen calls through this: a reply saying the session is gone sends the user to login. */
  const request = useCallback<EbillApi['request']>(
    async (name, input) => {
      const reply = await ebill.request(name, input);
      if (!reply.ok && (reply.error.code === 'NOT_LOGGED_IN' || reply.error.code === 'SESSION_EXPIRED')) {
        dispatch({ type: 'session-ended', notice: 'expired' });
      }
      return reply;
    },
    [ebill],
  );

  const refreshInfo = useCallback(async () => {
    const reply = await ebill.request('app.info', {});
    if (reply.ok) setInfo(reply.value);
  }, [ebill]);

  useEffect(() => {
    if (route.screen !== 'loading') return;
    let isCurrent = true;
    void (async () => {
      const infoReply = await ebill.request('app.info', {});
      if (!isCurrent) return;
      if (!infoReply.ok) {
        dispatch({ type: 'load-failed', error: infoReply.error });
        return;
      }
      setInfo(infoReply.value);
      if (!infoReply.value.isSetUp) {
        dispatch({ type: 'loaded', isSetUp: false, user: null });
        return;
      }
      // A reload of a browser tab keeps its client id, so its session may still be alive.
      const current = await ebill.request('session.current', {});
      if (isCurrent) dispatch({ type: 'loaded', isSetUp: true, user: current.ok ? current.value.user : null });
    })();
    return () => {
      isCurrent = false;
    };
  }, [route.screen, ebill]);

  // The business date can change while the app is open: read it again on entering login and home.
  useEffect(() => {
    if (route.screen === 'login' || route.screen === 'home') void refreshInfo();
  }, [route.screen, refreshInfo]);

  useEffect(() => {
    const offEnded = ebill.on('session.ended', ({ reason }) => dispatch({ type: 'session-ended', notice: reason }));
    const offError = ebill.on('app.error', (payload) => {
      const id = nextMessageId.current;
      nextMessageId.current += 1;
      setMessages((list) => [...list, { ...payload, id }].slice(-MAX_SYSTEM_MESSAGES));
    });
    return () => {
      offEnded();
      offError();
    };
  }, [ebill]);

  const logout = useCallback(async () => {
    setIsLoggingOut(true);
    // Whatever the answer, the screen leaves: main has ended the session or will end it when idle.
    await ebill.request('session.logout', {});
    setIsLoggingOut(false);
    dispatch({ type: 'session-ended', notice: 'logout' });
  }, [ebill]);
  const onLogout = (): void => void logout();

  const [scanError, setScanError] = useState<ReplyError | null>(null);
  const onOpen = useCallback((target: CounterTarget) => {
    setScanError(null);
    dispatch({ type: 'open', target });
  }, []);
  const onHome = useCallback(() => {
    setScanError(null);
    dispatch({ type: 'open-home' });
  }, []);
  /** A scanned slip barcode, Thai QR or Ref1 (or one typed into the home screen's box) opens its bill. */
  const onScanText = useCallback(
    (text: string) => {
      const scanned = parseScannerInput(text);
      if (scanned.ok) onOpen({ screen: 'bill', ref1: scanned.value.ref1.ref1 });
      else setScanError({ code: scanned.error.code, message: scanned.error.message });
    },
    [onOpen],
  );
  const isCounterScreen = 'user' in route && isCounterRole(route.user.role);
  useScanner(isCounterScreen, onScanText);
  const frame = { info, request, onLogout, isLoggingOut };

  const screen = (() => {
    switch (route.screen) {
      case 'loading':
        return <LoadingScreen error={null} onRetry={() => undefined} />;
      case 'load-failed':
        return <LoadingScreen error={route.error} onRetry={() => dispatch({ type: 'retry' })} />;
      case 'setup':
        return (
          <SetupScreen
            info={info}
            request={request}
            onSetUp={() => {
              void refreshInfo();
              dispatch({ type: 'set-up' });
            }}
          />
        );
      case 'login':
        return <LoginScreen info={info} notice={route.notice} request={request} onLoggedIn={(user) => dispatch({ type: 'logged-in', user })} />;
      case 'home':
        return <HomeScreen {...frame} user={route.user} onOpenUsers={() => dispatch({ type: 'open-users' })} onOpen={onOpen} onScanText={onScanText} />;
      case 'users':
        return (
          <UsersScreen
            info={info}
            user={route.user}
            request={request}
            onHome={() => dispatch({ type: 'open-home' })}
            onLogout={onLogout}
            isLoggingOut={isLoggingOut}
          />
        );
      case 'new-request':
        return <NewRequestScreen {...frame} user={route.user} onOpen={onOpen} onHome={onHome} />;
      case 'bill':
        return <BillScreen key={route.ref1} {...frame} user={route.user} ref1={route.ref1} onOpen={onOpen} onHome={onHome} />;
      case 'paid-bills':
        return <PaidBillsScreen {...frame} user={route.user} onOpen={onOpen} onHome={onHome} />;
      case 'search':
        return <SearchScreen {...frame} user={route.user} onOpen={onOpen} onHome={onHome} />;
      case 'receipt':
        return <ReceiptScreen key={`${route.book}/${route.number}`} {...frame} user={route.user} book={route.book} number={route.number} onOpen={onOpen} onHome={onHome} />;
      case 'bank':
        return <BankScreen {...frame} user={route.user} onHome={onHome} />;
      case 'printers':
        return <PrintersScreen {...frame} user={route.user} onHome={onHome} />;
      case 'audit':
        return <AuditScreen {...frame} user={route.user} onOpen={onOpen} onHome={onHome} />;
      case 'outage':
        return <OutageScreen {...frame} user={route.user} onHome={onHome} />;
      case 'paper-receipt':
        return <PaperReceiptScreen {...frame} user={route.user} onHome={onHome} />;
      case 'books':
        return <BooksScreen {...frame} user={route.user} onHome={onHome} />;
      case 'field':
        return <FieldScreen {...frame} user={route.user} onHome={onHome} />;
      case 'settings':
        return <SettingsScreen {...frame} user={route.user} onOpen={onOpen} onOpenUsers={() => dispatch({ type: 'open-users' })} onOfficeChanged={() => void refreshInfo()} onHome={onHome} />;
      case 'audit-log':
        return <AuditLogScreen {...frame} user={route.user} onOpen={onOpen} onHome={onHome} />;
      case 'day-close':
        return <DayCloseScreen {...frame} user={route.user} onHome={onHome} />;
      case 'shift-close':
        return <ShiftCloseScreen {...frame} user={route.user} onHome={onHome} />;
      case 'reports':
        return <ReportsScreen {...frame} user={route.user} onHome={onHome} />;
      case 'remittance':
        return <RemittanceScreen {...frame} user={route.user} onHome={onHome} />;
    }
  })();

  return (
    <div className={`app${info?.isTraining === true ? ' app--training' : ''}`}>
      {info?.isTraining === true && <TrainingBanner />}
      <SystemMessages messages={messages} onDismiss={(id) => setMessages((list) => list.filter((m) => m.id !== id))} />
      {isCounterScreen && (
        <div className="scan-error">
          <ErrorRegion error={scanError} />
        </div>
      )}
      {screen}
    </div>
  );
}
