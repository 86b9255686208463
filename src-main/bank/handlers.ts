import { CodedError } from '../../src-shared/result';
import { requireSession, type Handlers, type OfficeServices } from '../host/context';
import { importBankFile, type BankDeps } from './import';
import { listBankExceptions, listBankFiles } from './queries';
import { resolveException } from './resolve';

function bankDeps(services: OfficeServices): BankDeps {
  return { sqlite: services.database.sqlite, clock: services.clock, machineId: services.machineId, db: services.db };
}

/** The bank slice of the contract (issue 9). Roles are checked by the dispatcher first. */
export const bankHandlers = {
  'bank.import': (input, ctx) => {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length === 0) throw new CodedError('BAD_INPUT', 'contentBase64: the file is empty');
    const outcome = importBankFile(bankDeps(ctx.services), requireSession(ctx).userId, bytes, input.format);
    return {
      fileId: outcome.fileId,
      sha256: outcome.sha256,
      format: outcome.format,
      lines: outcome.lines,
      matched: outcome.matched,
      exceptions: outcome.exceptions,
      duplicates: outcome.duplicates,
      forwarded: outcome.forwarded,
      isSameFileAgain: outcome.isSameFileAgain,
    };
  },
  'bank.files': (_input, { services }) => ({ files: listBankFiles(services.database.sqlite) }),
  'bank.exceptions': (input, { services }) => ({ exceptions: listBankExceptions(services.database.sqlite, input) }),
  'bank.resolveException': (input, ctx) => resolveException(bankDeps(ctx.services), requireSession(ctx).userId, input),
} satisfies Pick<Handlers, 'bank.import' | 'bank.files' | 'bank.exceptions' | 'bank.resolveException'>;
