import { join } from 'node:path';
import { BrowserWindow, shell, type WebContents } from 'electron';
import { APP_ORIGIN } from './protocol';

/**
 * The one window. Electron security checklist: contextIsolation, sandbox, no nodeIntegration,
 * webSecurity, no remote content (app:// only), navigation and new windows blocked.
 */
export function createMainWindow(preloadFile: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'ระบบรับชำระเงิน ebill-counter',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  });
  lockDown(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Only the printed user manual may open, in the system browser; nothing opens inside the app.
    if (url.startsWith('file:') && url.endsWith('.pdf')) void shell.openPath(url.slice('file://'.length));
    return { action: 'deny' };
  });
}

export function preloadPath(mainDir: string): string {
  return join(mainDir, '..', 'preload', 'index.cjs');
}
