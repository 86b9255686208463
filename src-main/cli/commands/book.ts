import type { RequestInput } from '../../../src-shared/contract';
import { RECEIPT_METHODS, type ReceiptMethod } from '../../../src-shared/domain/reasons';
import { actingUser, actor, parseCommand, parseSlot, requireOption, UsageError } from '../args';
import type { CommandResult } from '../output';
import { call, loginAs, withHost, type CliEnv } from '../runtime';
import type { StdinLines } from '../stdin';
import { parseDate, parseSatangOption, parseWholeNumber } from './books-args';

export const BOOK_USAGE = [
  'book register --book B --first N --last N --fiscal-year 2570 --user U --password-stdin',
  'book assign --book B (--office | --terminal SLOT | --officer USERNAME) --user U --password-stdin',
  'book list|leaves [--book B] --user U --password-stdin',
  'book spoil --book B --leaf N --reason TEXT [--cancelled] --user U --password-stdin',
  'book close --book B --user U --password-stdin',
  'book key (--outage ID | --field-order ID) --book B --leaf N --date YYYY-MM-DD --payer NAME [--payer-id ID] --revenue-code C --amount-satang N --method M [--ref1 R] [--bank NAME --instrument-no N --instrument-date D [--branch B]] --user U --password-stdin',
].join('\n  ');

/** `ebill book …`: the paper receipt book register and keying paper receipts (issue 8). */
export async function bookCommand(env: CliEnv, rest: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const [sub, ...args] = rest;
  switch (sub) {
    case 'register':
      return bookRegister(env, args, stdin);
    case 'assign':
      return bookAssign(env, args, stdin);
    case 'list':
    case 'leaves':
      return bookList(env, sub, args, stdin);
    case 'spoil':
      return bookSpoil(env, args, stdin);
    case 'close':
      return bookClose(env, args, stdin);
    case 'key':
      return bookKey(env, args, stdin);
    case undefined:
    default:
      throw new UsageError(`book needs register, assign, list, leaves, spoil, close or key${sub === undefined ? '' : `, not "${sub}"`}`);
  }
}

async function bookRegister(env: CliEnv, args: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const { values } = parseCommand(args, { ...actingUser, book: { type: 'string' }, first: { type: 'string' }, last: { type: 'string' }, 'fiscal-year': { type: 'string' } });
  const input = {
    bookNo: requireOption(values.book, '--book'),
    firstLeaf: parseWholeNumber(requireOption(values.first, '--first'), '--first'),
    lastLeaf: parseWholeNumber(requireOption(values.last, '--last'), '--last'),
    fiscalYearBe: parseWholeNumber(requireOption(values['fiscal-year'], '--fiscal-year'), '--fiscal-year'),
  };
  const who = actor(values, stdin);
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    const result = await call(host, 'book.register', input);
    return { ...result, text: `ลงทะเบียนเล่มใบเสร็จแล้ว / registered book ${result.bookNo} leaves ${input.firstLeaf}–${input.lastLeaf}` };
  });
}

async function bookAssign(env: CliEnv, args: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const { values } = parseCommand(args, { ...actingUser, book: { type: 'string' }, office: { type: 'boolean' }, terminal: { type: 'string' }, officer: { type: 'string' } });
  const given = [values.office === true, values.terminal !== undefined, values.officer !== undefined].filter(Boolean).length;
  if (given !== 1) throw new UsageError('book assign needs exactly one of --office, --terminal SLOT, --officer USERNAME');
  const holder: RequestInput<'book.assign'>['holder'] =
    values.terminal !== undefined ? { kind: 'terminal', terminalSlot: parseSlot(values.terminal) } : values.officer !== undefined ? { kind: 'officer', username: values.officer } : { kind: 'office' };
  const bookNo = requireOption(values.book, '--book');
  const who = actor(values, stdin);
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    const result = await call(host, 'book.assign', { bookNo, holder });
    return { ...result, text: `มอบเล่ม ${bookNo} แล้ว / book ${bookNo} assigned to ${holder.kind}` };
  });
}

async function bookList(env: CliEnv, sub: 'list' | 'leaves', args: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const { values } = parseCommand(args, { ...actingUser, book: { type: 'string' } });
  const who = actor(values, stdin);
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    if (sub === 'leaves') {
      const result = await call(host, 'book.leaves', { bookNo: requireOption(values.book, '--book') });
      return { ...result, text: result.leaves.map((l) => `${result.bookNo}/${l.leaf}  ${l.state}`).join('\n') };
    }
    const { books } = await call(host, 'book.list', {});
    const lines = books.map((b) => `${b.bookNo}  ${b.firstLeaf}–${b.lastLeaf}  ปีงบ ${b.fiscalYearBe}  ${b.holder?.kind ?? '-'}${b.isClosed ? '  ปิดเล่ม/closed' : ''}  unused ${b.counts.unused} issued ${b.counts.issued} spoiled ${b.counts.spoiled} cancelled ${b.counts.cancelled}`);
    return { books, text: lines.length === 0 ? 'ไม่มีเล่มใบเสร็จ / no paper books' : lines.join('\n') };
  });
}

async function bookSpoil(env: CliEnv, args: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const { values } = parseCommand(args, { ...actingUser, book: { type: 'string' }, leaf: { type: 'string' }, reason: { type: 'string' }, cancelled: { type: 'boolean' } });
  const input = {
    bookNo: requireOption(values.book, '--book'),
    leaf: parseWholeNumber(requireOption(values.leaf, '--leaf'), '--leaf'),
    kind: values.cancelled === true ? ('cancelled' as const) : ('spoiled' as const),
    reasonText: requireOption(values.reason, '--reason'),
  };
  const who = actor(values, stdin);
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    const result = await call(host, 'book.markLeaf', input);
    return { ...result, bookNo: input.bookNo, leaf: input.leaf, kind: input.kind, text: `${input.bookNo}/${input.leaf}: ${input.kind}` };
  });
}

async function bookClose(env: CliEnv, args: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const { values } = parseCommand(args, { ...actingUser, book: { type: 'string' } });
  const bookNo = requireOption(values.book, '--book');
  const who = actor(values, stdin);
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    const result = await call(host, 'book.close', { bookNo });
    return { ...result, text: `ปิดเล่ม ${bookNo} แล้ว / book ${bookNo} closed` };
  });
}

function isMethod(value: string): value is ReceiptMethod {
  return (RECEIPT_METHODS as readonly string[]).includes(value);
}

async function bookKey(env: CliEnv, args: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const { values } = parseCommand(args, {
    ...actingUser,
    outage: { type: 'string' },
    'field-order': { type: 'string' },
    book: { type: 'string' },
    leaf: { type: 'string' },
    date: { type: 'string' },
    payer: { type: 'string' },
    'payer-id': { type: 'string' },
    'revenue-code': { type: 'string' },
    'amount-satang': { type: 'string' },
    method: { type: 'string' },
    ref1: { type: 'string' },
    bank: { type: 'string' },
    branch: { type: 'string' },
    'instrument-no': { type: 'string' },
    'instrument-date': { type: 'string' },
  });
  if ((values.outage === undefined) === (values['field-order'] === undefined)) throw new UsageError('book key needs exactly one of --outage ID or --field-order ID');
  const method = requireOption(values.method, '--method');
  if (!isMethod(method)) throw new UsageError(`--method must be one of ${RECEIPT_METHODS.join(', ')}`);
  const payment: RequestInput<'paperReceipt.key'>['payment'] =
    method === 'cash' || method === 'bill-payment'
      ? { method }
      : {
          method,
          detail: {
            bankName: requireOption(values.bank, '--bank'),
            instrumentNo: requireOption(values['instrument-no'], '--instrument-no'),
            instrumentDate: requireOption(values['instrument-date'], '--instrument-date'),
            ...(values.branch === undefined ? {} : { branch: values.branch }),
          },
        };
  const input: RequestInput<'paperReceipt.key'> = {
    ...(values.outage === undefined ? {} : { outageId: values.outage }),
    ...(values['field-order'] === undefined ? {} : { fieldOrderId: values['field-order'] }),
    bookNo: requireOption(values.book, '--book'),
    leaf: parseWholeNumber(requireOption(values.leaf, '--leaf'), '--leaf'),
    paperDate: parseDate(requireOption(values.date, '--date'), '--date'),
    payerName: requireOption(values.payer, '--payer'),
    ...(values['payer-id'] === undefined ? {} : { payerId: values['payer-id'] }),
    revenueCode: requireOption(values['revenue-code'], '--revenue-code'),
    amountSatang: parseSatangOption(requireOption(values['amount-satang'], '--amount-satang'), '--amount-satang'),
    payment,
    ...(values.ref1 === undefined ? {} : { ref1: values.ref1 }),
  };
  const who = actor(values, stdin);
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    const keyed = await call(host, 'paperReceipt.key', input);
    return {
      receiptBook: keyed.receiptBook,
      receiptNo: keyed.receiptNo,
      businessDate: keyed.businessDate,
      amountSatang: keyed.amountSatang,
      receiptId: keyed.receiptId,
      keyedAtMs: keyed.keyedAtMs,
      text: `บันทึกใบเสร็จมือแล้ว / keyed paper receipt ${keyed.receiptBook}/${keyed.receiptNo}  ${keyed.businessDate}  ${keyed.amountSatang} satang`,
    };
  });
}
