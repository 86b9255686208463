import { requireSession, type CallContext, type Handlers } from '../host/context';
import { ADAPTER_KINDS } from './adapters';
import type { PrintDeps } from './print-service';
import { confirmJob, listJobs, printBillDocument, printReceiptOriginal, printReprintCopy, printTestPage, reportFailed, retryJob } from './print-service';
import { PRINT_DOCUMENT_KINDS, printerFor, setPrinter } from './settings';

/** The print queue of this host: its lazily started renderer and the adapters of the platform. */
function printDeps(ctx: CallContext): PrintDeps {
  const { services } = ctx;
  return services.printing.deps({ sqlite: services.database.sqlite, clock: services.clock, machineId: services.machineId });
}

const userId = (ctx: CallContext): string => requireSession(ctx).userId;

/**
 * print.*: the counter's prints and this terminal's printers (issue 6). Roles are the dispatcher's;
 * the rules (one original, copies only for approved reprints) are the queue's (print-service.ts).
 */
export const printHandlers = {
  'print.receiptOriginal': (input, ctx) => printReceiptOriginal(printDeps(ctx), userId(ctx), input.book, input.number),
  'print.reprintCopy': (input, ctx) => printReprintCopy(printDeps(ctx), userId(ctx), input.book, input.number, input.copyNo),
  'print.billSlip': (input, ctx) => printBillDocument(printDeps(ctx), userId(ctx), 'bill-slip', input.ref1),
  'print.requestForm': (input, ctx) => printBillDocument(printDeps(ctx), userId(ctx), 'request-form', input.ref1),
  'print.retry': (input, ctx) => retryJob(printDeps(ctx), userId(ctx), input.jobId),
  'print.confirm': (input, ctx) => confirmJob(printDeps(ctx), userId(ctx), input.jobId),
  'print.reportFailed': (input, ctx) => reportFailed(printDeps(ctx), input.jobId, input.reasonText),
  'print.jobs': (_input, ctx) => ({ jobs: listJobs(printDeps(ctx)) }),
  'print.settings.get': (_input, { services }) => ({ settings: PRINT_DOCUMENT_KINDS.map((kind) => printerFor(services.database.sqlite, kind)) }),
  'print.settings.set': (input, ctx) => setPrinter(ctx.services.database.sqlite, userId(ctx), ctx.services.clock.nowMs(), input),
  'print.printers': async (_input, { services }) => ({
    adapters: ADAPTER_KINDS.filter((kind) => services.printing.platform.adapters[kind] !== undefined),
    printers: await services.printing.platform.listPrinters(),
  }),
  'print.testPage': (input, ctx) => printTestPage(printDeps(ctx), input.documentKind),
} satisfies Pick<
  Handlers,
  | 'print.receiptOriginal'
  | 'print.reprintCopy'
  | 'print.billSlip'
  | 'print.requestForm'
  | 'print.retry'
  | 'print.confirm'
  | 'print.reportFailed'
  | 'print.jobs'
  | 'print.settings.get'
  | 'print.settings.set'
  | 'print.printers'
  | 'print.testPage'
>;
