/**
 * Every request and event name, and the one place that turns a name into a transport channel.
 * Kept free of zod so that the sandboxed preload can import it without pulling in the schemas;
 * `requests.ts` / `events.ts` are checked against these lists at compile time.
 */
export const REQUEST_NAMES = [
  'app.info',
  'setup.init',
  'office.setDocumentDigits',
  'office.update',
  'office.setKind',
  'office.kind',
  'session.login',
  'session.logout',
  'session.current',
  'user.list',
  'user.add',
  'user.disable',
  'request.create',
  'request.cancel',
  'bill.show',
  'payment.recordEvidence',
  'receipt.issue',
  'receipt.issueWithRequest',
  'receipt.markPrinted',
  'receipt.reprint',
  'receipt.cancel',
  'receipt.get',
  'clock.acknowledge',
  'terminal.rebind',
  'ledger.verify',
  'bank.import',
  'bank.files',
  'bank.exceptions',
  'bank.resolveException',
  'print.receiptOriginal',
  'print.reprintCopy',
  'print.billSlip',
  'print.requestForm',
  'print.retry',
  'print.confirm',
  'print.reportFailed',
  'print.jobs',
  'print.settings.get',
  'print.settings.set',
  'print.printers',
  'print.testPage',
  // paper receipt books, outages, field collection (issue 8)
  'book.register',
  'book.assign',
  'book.list',
  'book.leaves',
  'book.markLeaf',
  'book.close',
  'book.centralList',
  'book.registerFromCentral',
  'paperReceipt.key',
  'paperLeaves.record',
  'outage.start',
  'outage.end',
  'outage.list',
  'outage.report',
  'field.order',
  'field.handover',
  'field.list',
  'field.overdue',
  'report.table',
  'report.render',
  'report.bankImport',
  'remittance.rates',
  'remittance.setRate',
  'remittance.record',
  'remittance.overdue',
  'remittance.day',
  'close.status',
  'close.day',
  'close.shift',
  'close.shiftStatus',
  'day.summary',
  'bill.paidList',
  'record.search',
  'receipt.history',
  // approvals through central (issue 11)
  'approval.askCentral',
  'approval.centralList',
  // home, settings and the audit log (issue 7)
  'sync.status',
  'approval.pending',
  'catalog.list',
  'backup.status',
  'backup.run',
  'backup.setFolder',
  'audit.log',
] as const;
export type RequestName = (typeof REQUEST_NAMES)[number];

export const EVENT_NAMES = ['session.ended', 'app.error'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export function isRequestName(value: unknown): value is RequestName {
  return typeof value === 'string' && (REQUEST_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}

/** Electron IPC channel of a request or event. No other file writes a channel string. */
export function ipcChannel(name: RequestName | EventName): string {
  return `ebill:${name}`;
}

/** HTTP path of a request in the browser shell. */
export function httpRequestPath(name: RequestName): string {
  return `/api/${name}`;
}

/** Server-sent events stream of the browser shell. */
export const HTTP_EVENTS_PATH = '/api/events';

/** Header names the browser shell's client sends. */
export const HTTP_TOKEN_HEADER = 'x-ebill-token';
export const HTTP_CLIENT_HEADER = 'x-ebill-client';
