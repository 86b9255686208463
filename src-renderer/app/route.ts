import type { ReplyError, UserSummary } from '../../src-shared/contract';
import { mayOpen, mayViewUsers } from './permissions';

/** Why the login screen is shown with a notice. */
export type LoginNotice = 'idle' | 'logout' | 'disabled' | 'expired' | 'set-up-done';

/** The screens: a small state machine instead of a router library. */
export type Route =
  | { readonly screen: 'loading' }
  | { readonly screen: 'load-failed'; readonly error: ReplyError }
  | { readonly screen: 'setup' }
  | { readonly screen: 'login'; readonly notice: LoginNotice | null }
  | { readonly screen: 'home'; readonly user: UserSummary }
  | { readonly screen: 'users'; readonly user: UserSummary }
  | (CounterTarget & { readonly user: UserSummary });

/** The screens opened from home, the scanner, a search result or another screen (issue 7). */
export type CounterTarget =
  | { readonly screen: 'new-request' }
  | { readonly screen: 'bill'; readonly ref1: string }
  | { readonly screen: 'paid-bills' }
  | { readonly screen: 'search' }
  | { readonly screen: 'receipt'; readonly book: string; readonly number: number }
  | { readonly screen: 'bank' }
  | { readonly screen: 'printers' }
  | { readonly screen: 'audit' }
  | { readonly screen: 'outage' }
  | { readonly screen: 'paper-receipt' }
  | { readonly screen: 'books' }
  | { readonly screen: 'field' }
  | { readonly screen: 'settings' }
  | { readonly screen: 'audit-log' }
  | { readonly screen: 'day-close' }
  | { readonly screen: 'shift-close' }
  | { readonly screen: 'reports' }
  | { readonly screen: 'remittance' };
export type CounterScreen = CounterTarget['screen'];

export type RouteEvent =
  | { readonly type: 'loaded'; readonly isSetUp: boolean; readonly user: UserSummary | null }
  | { readonly type: 'load-failed'; readonly error: ReplyError }
  | { readonly type: 'retry' }
  | { readonly type: 'set-up' }
  | { readonly type: 'logged-in'; readonly user: UserSummary }
  | { readonly type: 'session-ended'; readonly notice: LoginNotice }
  | { readonly type: 'open-home' }
  | { readonly type: 'open-users' }
  | { readonly type: 'open'; readonly target: CounterTarget };

export const INITIAL_ROUTE: Route = { screen: 'loading' };

function isLoggedIn(route: Route): route is Extract<Route, { user: UserSummary }> {
  return 'user' in route;
}

/** The next screen; an event that makes no sense on the current screen leaves it unchanged. */
export function nextRoute(route: Route, event: RouteEvent): Route {
  switch (event.type) {
    case 'loaded':
      if (route.screen !== 'loading') return route;
      if (!event.isSetUp) return { screen: 'setup' };
      return event.user === null ? { screen: 'login', notice: null } : { screen: 'home', user: event.user };
    case 'load-failed':
      return route.screen === 'loading' ? { screen: 'load-failed', error: event.error } : route;
    case 'retry':
      return route.screen === 'load-failed' ? { screen: 'loading' } : route;
    case 'set-up':
      return route.screen === 'setup' ? { screen: 'login', notice: 'set-up-done' } : route;
    case 'logged-in':
      return route.screen === 'login' ? { screen: 'home', user: event.user } : route;
    case 'session-ended':
      // A logout reply and its session.ended event both arrive: the first one moves, the second is ignored.
      return isLoggedIn(route) ? { screen: 'login', notice: event.notice } : route;
    case 'open-home':
      return isLoggedIn(route) ? { screen: 'home', user: route.user } : route;
    case 'open-users':
      return isLoggedIn(route) && mayViewUsers(route.user.role) ? { screen: 'users', user: route.user } : route;
    case 'open':
      return isLoggedIn(route) && mayOpen(route.user.role, event.target.screen) ? { ...event.target, user: route.user } : route;
  }
}
