import { isErrorCode } from '../../src-shared/contract';
import { CodedError } from '../../src-shared/result';
import { UsageError } from './args';
import { StdinMissing } from './stdin';

/** Exit codes (cli.md): 0 ok · 1 internal error · 2 usage · 3 refused. */
export const EXIT = { ok: 0, internal: 1, usage: 2, refused: 3 } as const;

export type CommandResult = Readonly<Record<string, unknown>> & { readonly text?: string };

export interface Printer {
  readonly json: boolean;
  success(fields: CommandResult): number;
  failure(error: unknown): number;
}

export function createPrinter(json: boolean, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Printer {
  return {
    json,
    success(fields) {
      const { text, ...rest } = fields;
      if (json) out.write(`${JSON.stringify({ ok: true, ...rest })}\n`);
      else out.write(`${text ?? formatFields(rest)}\n`);
      return EXIT.ok;
    },
    failure(error) {
      const { code, message, exit } = classify(error);
      // A refusal may carry the fields that explain it (doctor's checks).
      const fields = error instanceof CodedError && 'fields' in error && typeof error.fields === 'object' ? (error.fields as object) : {};
      if (json) out.write(`${JSON.stringify({ ok: false, ...fields, error: { code, message } })}\n`);
      else err.write(`ebill: ${code}: ${message}\n`);
      return exit;
    },
  };
}

function classify(error: unknown): { code: string; message: string; exit: number } {
  if (error instanceof UsageError) return { code: 'USAGE', message: `${error.message} (see: ebill --help)`, exit: EXIT.usage };
  if (error instanceof StdinMissing) return { code: 'USAGE', message: error.message, exit: EXIT.usage };
  if (error instanceof CodedError && isErrorCode(error.code)) {
    return { code: error.code, message: error.message, exit: error.code === 'INTERNAL' ? EXIT.internal : EXIT.refused };
  }
  return { code: 'INTERNAL', message: (error as Error).message ?? String(error), exit: EXIT.internal };
}

function formatFields(fields: Readonly<Record<string, unknown>>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('\n');
}
