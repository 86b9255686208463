import { requestMap, type RequestName } from '../../src-shared/contract';
import type { Role } from '../../src-shared/domain/roles';
import type { CounterScreen } from './route';

/**
 * What a role may do, read from the contract's `access` lists (the main process enforces the same
 * lists): the UI shows only what will be allowed, it never decides permission on its own.
 */
export function mayCall(role: Role, name: RequestName): boolean {
  const access = requestMap[name].access;
  return access === 'public' || (access as readonly Role[]).includes(role);
}

export function mayViewUsers(role: Role): boolean {
  return mayCall(role, 'user.list');
}

export function mayManageUsers(role: Role): boolean {
  return mayCall(role, 'user.add') && mayCall(role, 'user.disable');
}

/** The request a screen cannot work without: a role that may not call it does not see the screen. */
const SCREEN_NEEDS: Record<CounterScreen, RequestName> = {
  'new-request': 'request.create',
  bill: 'bill.show',
  'paid-bills': 'bill.paidList',
  search: 'record.search',
  receipt: 'receipt.history',
  bank: 'bank.import',
  printers: 'print.settings.get',
  audit: 'ledger.verify',
  outage: 'outage.list',
  'paper-receipt': 'paperReceipt.key',
  books: 'book.list',
  field: 'field.list',
  settings: 'catalog.list',
  'audit-log': 'audit.log',
  'day-close': 'close.status',
  'shift-close': 'close.shiftStatus',
  reports: 'report.render',
  remittance: 'remittance.day',
};

export function mayOpen(role: Role, screen: CounterScreen): boolean {
  return mayCall(role, SCREEN_NEEDS[screen]);
}

/** Counter work (payments, receipts, scanning): operators and supervisors. */
export function isCounterRole(role: Role): boolean {
  return mayCall(role, 'receipt.issue');
}
