import type { SyncErrorCode } from '../src-shared/sync';
import { CodedError } from '../src-shared/result';

/** The one error class of the server: a code from the sync union, answered by the one handler in app.ts. */
export class CentralError extends CodedError<SyncErrorCode> {
  readonly highWaterSeq: number | undefined;
  constructor(code: SyncErrorCode, message: string, highWaterSeq?: number) {
    super(code, message);
    this.highWaterSeq = highWaterSeq;
  }
}
