import type { RequestInput, RequestOutput } from '../../../src-shared/contract';
import { CANCEL_REASON_CODES, REPRINT_REASON_CODES, RECEIPT_METHODS, type ReceiptMethod } from '../../../src-shared/domain/reasons';
import { actingUser, actor, parseCommand, requireOption, UsageError } from '../args';
import type { CommandResult } from '../output';
import { call, loginAs, withHost, type CliEnv } from '../runtime';
import type { StdinLines } from '../stdin';
import { readJsonFile } from './request';

export const RECEIPT_USAGE = [
  'receipt issue --ref1 REF1 --method cash|cheque|draft|cashier-cheque|bill-payment [--bank NAME --instrument-no N --instrument-date YYYY-MM-DD [--branch B]] --user U --password-stdin',
  'receipt issue --request-file F|- --method cash|cheque|draft|cashier-cheque […] --user U --password-stdin   (request and receipt in one step; F as for request create)',
  'receipt reprint|cancel --book B --no N --reason TEXT [--reason-code C] --supervisor U --password-stdin',
  'receipt reprint|cancel --book B --no N --reason TEXT [--reason-code C] --ask-central --user U --password-stdin   (asks a supervisor through central; prints approvalRequestId)',
  'receipt reprint|cancel --book B --no N --reason TEXT [--reason-code C] --central-approval ID --user U --password-stdin   (after sync pull brought the approval)',
].join('\n  ');

/** `ebill receipt issue|reprint|cancel`: the same requests, roles, approvals and audit as the app. */
export async function receiptCommand(env: CliEnv, rest: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const [sub, ...args] = rest;
  switch (sub) {
    case 'issue':
      return receiptIssue(env, args, stdin);
    case 'reprint':
    case 'cancel':
      return receiptSupervised(env, sub, args, stdin);
    case undefined:
    default:
      throw new UsageError(`receipt needs issue, reprint or cancel${sub === undefined ? '' : `, not "${sub}"`}`);
  }
}

function isMethod(value: string): value is ReceiptMethod {
  return (RECEIPT_METHODS as readonly string[]).includes(value);
}

async function receiptIssue(env: CliEnv, args: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const { values } = parseCommand(args, {
    ...actingUser,
    ref1: { type: 'string' },
    method: { type: 'string' },
    bank: { type: 'string' },
    branch: { type: 'string' },
    'instrument-no': { type: 'string' },
    'instrument-date': { type: 'string' },
    'request-file': { type: 'string' },
  });
  const requestFile = values['request-file'];
  if ((requestFile === undefined) === (values.ref1 === undefined)) throw new UsageError('receipt issue needs either --ref1 REF1 or --request-file F');
  const method = requireOption(values.method, '--method');
  if (!isMethod(method)) throw new UsageError(`--method must be one of ${RECEIPT_METHODS.join(', ')}`);
  let payment: RequestInput<'receipt.issue'>['payment'];
  if (method === 'cash' || method === 'bill-payment') {
    payment = { method };
  } else {
    const detail = {
      bankName: requireOption(values.bank, '--bank'),
      instrumentNo: requireOption(values['instrument-no'], '--instrument-no'),
      instrumentDate: requireOption(values['instrument-date'], '--instrument-date'),
      ...(values.branch === undefined ? {} : { branch: values.branch }),
    };
    payment = { method, detail };
  }
  const who = actor(values, stdin);
  const request = requestFile === undefined ? undefined : readJsonFile(requestFile, stdin);
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    let created: { requestNo: string; ref1: string } | undefined;
    let receipt: RequestOutput<'receipt.issue'>;
    if (request === undefined) {
      receipt = await call(host, 'receipt.issue', { ref1: requireOption(values.ref1, '--ref1'), payment });
    } else {
      if (payment.method === 'bill-payment') throw new UsageError('--request-file takes a payment at the counter: bill-payment receipts are issued with --ref1 once the bank has paid');
      ({ request: created, receipt } = await call(host, 'receipt.issueWithRequest', { request: request as never, payment }));
    }
    return {
      ...(created === undefined ? {} : { requestNo: created.requestNo, ref1: created.ref1 }),
      receiptBook: receipt.receiptBook,
      receiptNo: receipt.receiptNo,
      businessDate: receipt.businessDate,
      amountSatang: receipt.amountSatang,
      method: receipt.method,
      text: `ออกใบเสร็จแล้ว / receipt ${receipt.receiptBook}/${receipt.receiptNo}  ${receipt.businessDate}  ${receipt.amountSatang} satang`,
    };
  });
}

async function receiptSupervised(env: CliEnv, action: 'reprint' | 'cancel', args: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const { values } = parseCommand(args, {
    supervisor: { type: 'string' },
    user: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    book: { type: 'string' },
    no: { type: 'string' },
    reason: { type: 'string' },
    'reason-code': { type: 'string' },
    'ask-central': { type: 'boolean' },
    'central-approval': { type: 'string' },
  });
  const isAsking = values['ask-central'] === true;
  const centralId = values['central-approval'];
  if (isAsking && centralId !== undefined) throw new UsageError('--ask-central asks for an approval; --central-approval ID uses one: give one of them');
  const isThroughCentral = isAsking || centralId !== undefined;
  if (isThroughCentral ? values.supervisor !== undefined || values.user === undefined : values.user !== undefined) {
    throw new UsageError(isThroughCentral ? 'through central the operator acts: --user U --password-stdin, not --supervisor' : '--supervisor U authorises here; --user goes with --ask-central or --central-approval ID');
  }
  const book = requireOption(values.book, '--book');
  const noText = requireOption(values.no, '--no');
  if (!/^[1-9]\d{0,6}$/.test(noText)) throw new UsageError(`--no must be a receipt number 1–9999999, got "${noText.slice(0, 16)}"`);
  const reasonText = requireOption(values.reason, '--reason');
  const reasonCode = values['reason-code'] ?? 'other';
  const codes: readonly string[] = action === 'reprint' ? REPRINT_REASON_CODES : CANCEL_REASON_CODES;
  if (!codes.includes(reasonCode)) throw new UsageError(`--reason-code for ${action} must be one of ${codes.join(', ')}`);
  const who = isThroughCentral
    ? actor({ user: values.user, 'password-stdin': values['password-stdin'] }, stdin)
    : actor({ user: values.supervisor, 'password-stdin': values['password-stdin'] }, stdin, '--supervisor');
  const approval = centralId === undefined ? {} : { approval: { method: 'central' as const, requestId: centralId } };
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    const number = Number(noText);
    if (isAsking) {
      const asked = await call(host, 'approval.askCentral', { action: `receipt.${action}`, book, number, reasonCode: reasonCode as never, reasonText });
      return {
        approvalRequestId: asked.requestId,
        status: asked.status,
        isSent: asked.isSent,
        text: `ส่งขออนุมัติผ่านส่วนกลางแล้ว / asked central for approval: ${asked.requestId} (${asked.isSent ? 'sent' : 'saved; sync pull sends it'})`,
      };
    }
    if (action === 'reprint') {
      const { receipt, copyNo } = await call(host, 'receipt.reprint', { book, number, reasonCode: reasonCode as never, reasonText, ...approval });
      return { receiptBook: receipt.receiptBook, receiptNo: receipt.receiptNo, copyNo, text: `บันทึกการพิมพ์สำเนาครั้งที่ ${copyNo} / copy ${copyNo} of ${book}/${number}` };
    }
    const { receipt } = await call(host, 'receipt.cancel', { book, number, reasonCode: reasonCode as never, reasonText, ...approval });
    return { receiptBook: receipt.receiptBook, receiptNo: receipt.receiptNo, text: `ยกเลิกใบเสร็จแล้ว (เลขที่คงเดิม) / cancelled ${book}/${number}` };
  });
}
