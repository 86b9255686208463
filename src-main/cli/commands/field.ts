import { actingUser, actor, parseCommand, requireOption, UsageError } from '../args';
import type { CommandResult } from '../output';
import { call, loginAs, withHost, type CliEnv } from '../runtime';
import type { StdinLines } from '../stdin';
import { parseDate, parseLeafRange, parseSatangOption } from './books-args';

export const FIELD_USAGE = [
  'field order --order-no N --officer USERNAME --place TEXT --from YYYY-MM-DD --to YYYY-MM-DD --leaves BOOK:FIRST-LAST … [--takes-this-terminal] --user U --password-stdin',
  'field handover --order ID --counted-satang N [--reason TEXT] --user U --password-stdin',
  'field overdue [--as-of YYYY-MM-DD] --user U --password-stdin',
].join('\n  ');

/** `ebill field …`: field-collection orders, the hand-over of the money and the overdue alarm (issue 8; seed 001 §4). */
export async function fieldCommand(env: CliEnv, rest: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const [sub, ...args] = rest;
  const { values } = parseCommand(args, {
    ...actingUser,
    'order-no': { type: 'string' },
    officer: { type: 'string' },
    place: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    leaves: { type: 'string', multiple: true },
    order: { type: 'string' },
    'counted-satang': { type: 'string' },
    reason: { type: 'string' },
    'as-of': { type: 'string' },
    'takes-this-terminal': { type: 'boolean' },
  });
  if (sub === 'order') {
    const input = {
      orderNo: requireOption(values['order-no'], '--order-no'),
      officerUsername: requireOption(values.officer, '--officer'),
      placeText: requireOption(values.place, '--place'),
      fromDate: parseDate(requireOption(values.from, '--from'), '--from'),
      toDate: parseDate(requireOption(values.to, '--to'), '--to'),
      leaves: (values.leaves ?? []).map(parseLeafRange),
      ...(values['takes-this-terminal'] === true ? { takesThisTerminal: true } : {}),
    };
    if (input.leaves.length === 0 && values['takes-this-terminal'] !== true) throw new UsageError('field order needs --leaves BOOK:FIRST-LAST (the leaves taken) or --takes-this-terminal');
    const who = actor(values, stdin);
    return withHost(env, async (host) => {
      await loginAs(host, who.username, who.password);
      const result = await call(host, 'field.order', input);
      return { ...result, text: `บันทึกคำสั่งแล้ว / order ${input.orderNo} (${result.orderId}); money due ${result.handoverDueDate}` };
    });
  }
  if (sub === 'handover') {
    const orderId = requireOption(values.order, '--order');
    const countedSatang = parseSatangOption(requireOption(values['counted-satang'], '--counted-satang'), '--counted-satang');
    const who = actor(values, stdin);
    return withHost(env, async (host) => {
      await loginAs(host, who.username, who.password);
      const result = await call(host, 'field.handover', { orderId, countedSatang, ...(values.reason === undefined ? {} : { varianceReason: values.reason }) });
      return { ...result, text: `รับมอบเงินแล้ว / handed over: counted ${result.countedSatang}, receipts ${result.receiptsSatang}, variance ${result.varianceSatang} satang${result.isLate ? ' (late)' : ''}` };
    });
  }
  if (sub === 'overdue') {
    const asOfDate = values['as-of'] === undefined ? undefined : parseDate(values['as-of'], '--as-of');
    const who = actor(values, stdin);
    return withHost(env, async (host) => {
      await loginAs(host, who.username, who.password);
      const result = await call(host, 'field.overdue', asOfDate === undefined ? {} : { asOfDate });
      const lines = result.orders.map((o) => `${o.orderNo}  ${o.officerUsername ?? '?'}  due ${o.handoverDueDate}  ${o.placeText}`);
      return { ...result, text: lines.length === 0 ? `ไม่มีเงินค้างส่ง / nothing overdue as of ${result.asOfDate}` : lines.join('\n') };
    });
  }
  throw new UsageError(`field needs order, handover or overdue${sub === undefined ? '' : `, not "${sub}"`}`);
}
