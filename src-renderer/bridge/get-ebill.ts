import type { EbillApi } from '../../src-shared/contract/api';
import { browserEnvironment, createHttpBridge } from './http-bridge';

let api: EbillApi | null = null;

/**
 * The one way the UI reaches the main process: `window.ebill` from the Electron preload, or, in a
 * plain browser (the browser shell), the HTTP client for the same contract.
 */
export function getEbill(): EbillApi {
  api ??= window.ebill ?? createHttpBridge(browserEnvironment());
  return api;
}
