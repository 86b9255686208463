import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EbillApi } from '../../src-shared/contract/api';
import { ipcChannel, isEventName, isRequestName } from '../../src-shared/contract/names';

/**
 * The sandboxed preload: exposes one narrow object, `window.ebill`, typed from the contract.
 * It forwards names from the contract's lists only; validation and role checks happen in main.
 */
const ebill = {
  request: (name, input) => {
    if (!isRequestName(name)) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_REQUEST', message: `Unknown request "${String(name)}"` } });
    return ipcRenderer.invoke(ipcChannel(name), input);
  },
  on: (name, listener) => {
    if (!isEventName(name)) return () => undefined;
    const channel = ipcChannel(name);
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => (listener as (p: unknown) => void)(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
} satisfies EbillApi;

contextBridge.exposeInMainWorld('ebill', ebill);
