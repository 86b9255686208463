import { businessDateOf } from '../../src-shared/dates';
import type { Handlers } from '../host/context';
import { daySummary, paidBills, receiptHistory, searchRecords } from './queries';

/** The counter screens' read-only queries (issue 7). Roles are checked by the dispatcher first. */
export const counterHandlers = {
  'day.summary': (_input, { services }) => daySummary(services.database.sqlite, businessDateOf(services.clock.nowMs())),
  'bill.paidList': (_input, { services }) => paidBills(services.database.sqlite),
  'record.search': (input, { services }) => searchRecords(services.database.sqlite, input),
  'receipt.history': (input, { services }) => receiptHistory(services.database.sqlite, input.book, input.number),
} satisfies Pick<Handlers, 'day.summary' | 'bill.paidList' | 'record.search' | 'receipt.history'>;
