import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { startBackupSchedule, type BackupSchedule } from '../backup/schedule';
import { createOfficeHost, type OfficeHost } from '../host/office-host';
import { systemClock } from '../platform/clock';
import { createFileLogger, type Logger } from '../platform/logger';
import { machineId } from '../platform/machine-id';
import { dataPaths, resolveDataDir } from '../platform/paths';
import { endSessionOnClose, registerIpc } from './ipc';
import { electronPrintPlatform } from './electron-printing';
import { electronNativeBinding } from './native-binding';
import { registerAppScheme, serveRenderer } from './protocol';
import { startUpdateChecks } from './updater';
import { createMainWindow, preloadPath } from './window';

const mainDir = dirname(fileURLToPath(import.meta.url));
const dataDir = resolveDataDir(process.env['EBILL_DATA_DIR']);
// Same data folder as the CLI and the browser shell (cli.md).
app.setPath('userData', dataDir);
const paths = dataPaths(dataDir);
const logger: Logger = createFileLogger({ logDir: paths.logDir, fileName: 'desktop' });
let host: OfficeHost | undefined;
let backups: BackupSchedule | undefined;
let mainWindow: BrowserWindow | undefined;

const THAI_ERROR = 'เกิดข้อผิดพลาดที่ไม่คาดคิด ระบบได้บันทึกรายละเอียดไว้แล้ว กรุณาแจ้งผู้ดูแลระบบ';
const ENGLISH_ERROR = 'An unexpected error occurred. It has been logged; please tell the administrator.';

function reportUnexpected(error: unknown): void {
  logger.error('unexpected error', { error });
  host?.services.events.emit(null, 'app.error', { code: 'INTERNAL', messageTh: THAI_ERROR, messageEn: ENGLISH_ERROR });
}
process.on('uncaughtException', reportUnexpected);
process.on('unhandledRejection', reportUnexpected);

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same ledger: the first window is brought forward instead.
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    if (mainWindow !== undefined) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    backups?.stop();
    host?.close();
  });
  app.whenReady().then(start).catch((error: unknown) => {
    logger.error('start failed', { error });
    dialog.showErrorBox('เปิดโปรแกรมไม่สำเร็จ / Could not start', `${(error as Error).message}\n\n${THAI_ERROR}`);
    app.quit();
  });
}

function start(): void {
  // No permission (camera, notifications, USB, …) is ever granted to the page.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  const appRoot = join(mainDir, '..', '..');
  const nativeBinding = electronNativeBinding(appRoot, process.resourcesPath, app.isPackaged);
  host = createOfficeHost({
    dataDir,
    clock: systemClock,
    logger,
    machineId: machineId(paths.machineIdFile),
    appVersion: app.getVersion(),
    ...(nativeBinding === undefined ? {} : { nativeBinding }),
    printing: electronPrintPlatform(dataDir),
    // Push and pull with central in the background when enrolled (src-main/sync/README.md "Background sync").
    backgroundSync: {},
  });
  // Periodic verified backups (src-main/backup): only when the ledger moved; failures are logged.
  backups = startBackupSchedule({ sqlite: host.services.database.sqlite, dataDir, clock: systemClock, logger, nativeBinding });
  serveRenderer(join(mainDir, '..', 'renderer'));
  registerIpc(host);
  mainWindow = createMainWindow(preloadPath(mainDir));
  endSessionOnClose(host, mainWindow);
  startUpdateChecks(process.env['EBILL_UPDATE_URL'], logger);
}
