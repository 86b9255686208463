import type { EbillApi, UserSummary } from '../../src-shared/contract';
import type { AppInfo } from './app-info';

/** What app.tsx hands every signed-in screen: the header's facts, the user, the bridge, home and log out. */
export interface ScreenProps {
  readonly info: AppInfo | null;
  readonly user: UserSummary;
  readonly request: EbillApi['request'];
  readonly onHome: () => void;
  readonly onLogout: () => void;
  readonly isLoggingOut: boolean;
}
