import type { EventName, RequestName } from './names';
import type { RequestInput, RequestOutput } from './requests';
import type { EventPayload } from './events';
import type { Reply } from './reply';

/**
 * `window.ebill`: the only object the renderer talks to. The Electron preload and the browser
 * shell's HTTP client both implement it (`satisfies EbillApi`).
 */
export interface EbillApi {
  request<K extends RequestName>(name: K, input: RequestInput<K>): Promise<Reply<RequestOutput<K>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}
