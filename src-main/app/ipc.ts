import { ipcMain, webContents, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { ipcChannel, REQUEST_NAMES } from '../../src-shared/contract/names';
import type { OfficeHost } from '../host/office-host';
import { APP_ORIGIN } from './protocol';

function clientIdOf(event: IpcMainInvokeEvent): string {
  return `desktop:${event.sender.id}`;
}

/**
 * Registers one IPC handler per contract request, all going to the same dispatcher as the CLI and
 * the browser shell. Calls from any frame that is not the app's own page are refused.
 */
export function registerIpc(host: OfficeHost): () => void {
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!frameUrl.startsWith(`${APP_ORIGIN}/`)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'calls are accepted from the app window only' } };
      }
      return host.call({ id: clientIdOf(event), channel: 'desktop' }, name, input);
    });
  }
  const unsubscribe = host.services.events.subscribe((target, name, payload) => {
    for (const contents of webContents.getAllWebContents()) {
      if (target === null || target === `desktop:${contents.id}`) contents.send(ipcChannel(name), payload);
    }
  });
  return () => {
    unsubscribe();
    for (const name of REQUEST_NAMES) ipcMain.removeHandler(ipcChannel(name));
  };
}

/** Closing a window ends its session. */
export function endSessionOnClose(host: OfficeHost, window: BrowserWindow): void {
  const id = `desktop:${window.webContents.id}`;
  window.on('closed', () => host.services.sessions.end(id, 'logout'));
}
