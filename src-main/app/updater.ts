import { autoUpdater } from 'electron-updater';
import type { Logger } from '../platform/logger';

export const UPDATE_LIMITS = { firstCheckDelayMs: 60_000, checkIntervalMs: 6 * 60 * 60_000 } as const;

/**
 * electron-updater against a generic URL (the central server will host updates). Offline is normal
 * in a district office: a failed check is logged at info level and retried later, never shown as an
 * error and never blocking the counter. Downloads install when the app quits, not in the middle of a
 * payment.
 */
export function startUpdateChecks(updateUrl: string | undefined, logger: Logger): void {
  if (updateUrl === undefined || updateUrl === '') {
    logger.info('updates: no update URL configured');
    return;
  }
  autoUpdater.setFeedURL({ provider: 'generic', url: updateUrl });
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.logger = null;
  autoUpdater.on('error', (error) => logger.info('updates: check failed (offline?)', { error: error.message }));
  autoUpdater.on('update-downloaded', (info) => logger.info('updates: downloaded; installs on quit', { version: info.version }));
  const check = (): void => {
    autoUpdater.checkForUpdates().catch((error: unknown) => logger.info('updates: check failed (offline?)', { error: (error as Error).message }));
  };
  setTimeout(check, UPDATE_LIMITS.firstCheckDelayMs).unref();
  setInterval(check, UPDATE_LIMITS.checkIntervalMs).unref();
}
