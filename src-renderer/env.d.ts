import type { EbillApi } from '../src-shared/contract/api';

declare global {
  interface Window {
    /** Put there by the Electron preload (src-main/app/preload.ts); absent in a plain browser. */
    ebill?: EbillApi;
  }
}

export {};
