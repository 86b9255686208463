import { renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { manualReceiptsPdf } from '../../books/manual-report';
import { actingUser, actor, parseCommand, requireOption, UsageError } from '../args';
import type { CommandResult } from '../output';
import { call, loginAs, withHost, type CliEnv } from '../runtime';
import type { StdinLines } from '../stdin';
import { parseDate, parseInstant, parseWrittenLeaves } from './books-args';

export const OUTAGE_USAGE = [
  'outage start --cause TEXT [--at 2026-12-01T09:00+07:00] --user U --password-stdin',
  'outage end --outage ID [--at TIME] [--note TEXT] [--leaves BOOK:FIRST-LAST@YYYY-MM-DD …] --user U --password-stdin',
  'outage list --user U --password-stdin',
  'outage report --date YYYY-MM-DD --pdf F --user U --password-stdin',
].join('\n  ');

/** `ebill outage …`: the outage log and the same-day report of manual receipts (issue 8; seed 001 §5). */
export async function outageCommand(env: CliEnv, rest: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const [sub, ...args] = rest;
  const { values } = parseCommand(args, {
    ...actingUser,
    cause: { type: 'string' },
    at: { type: 'string' },
    outage: { type: 'string' },
    note: { type: 'string' },
    leaves: { type: 'string', multiple: true },
    date: { type: 'string' },
    pdf: { type: 'string' },
  });
  if (sub !== 'start' && sub !== 'end' && sub !== 'list' && sub !== 'report') throw new UsageError(`outage needs start, end, list or report${sub === undefined ? '' : `, not "${sub}"`}`);
  const at = values.at === undefined ? undefined : parseInstant(values.at, '--at');
  const who = actor(values, stdin);
  if (sub === 'start') {
    const cause = requireOption(values.cause, '--cause');
    return withHost(env, async (host) => {
      await loginAs(host, who.username, who.password);
      const result = await call(host, 'outage.start', { cause, ...(at === undefined ? {} : { startedAtMs: at }) });
      return { ...result, text: `บันทึกเหตุขัดข้องแล้ว / outage ${result.outageId} started ${new Date(result.startedAtMs).toISOString()}` };
    });
  }
  if (sub === 'end') {
    const outageId = requireOption(values.outage, '--outage');
    const writtenLeaves = (values.leaves ?? []).map(parseWrittenLeaves);
    return withHost(env, async (host) => {
      await loginAs(host, who.username, who.password);
      const result = await call(host, 'outage.end', { outageId, writtenLeaves, ...(at === undefined ? {} : { endedAtMs: at }), ...(values.note === undefined ? {} : { note: values.note }) });
      return { ...result, text: `สิ้นสุดเหตุขัดข้อง / outage ${outageId} ended; ${result.rangeIds.length} ranges of written leaves recorded` };
    });
  }
  if (sub === 'list') {
    return withHost(env, async (host) => {
      await loginAs(host, who.username, who.password);
      const { outages } = await call(host, 'outage.list', {});
      const lines = outages.map((o) => `${o.outageId}  ${new Date(o.startedAtMs).toISOString()} – ${o.endedAtMs === null ? '…' : new Date(o.endedAtMs).toISOString()}  ${o.cause}`);
      return { outages, text: lines.length === 0 ? 'ไม่มีเหตุขัดข้อง / no outages' : lines.join('\n') };
    });
  }
  const date = parseDate(requireOption(values.date, '--date'), '--date');
  const file = resolve(requireOption(values.pdf, '--pdf'));
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    // The data call checks the role (and audits); the PDF is rendered from the same database.
    const data = await call(host, 'outage.report', { businessDate: date });
    const session = await call(host, 'session.current', {});
    const sqlite = host.services.database.sqlite;
    const preparer = session.user?.fullNameTh;
    const { pdf, report } = await manualReceiptsPdf(sqlite, host.services.printing.renderer(), date, host.services.clock.nowMs(), preparer);
    const partial = `${file}.partial`;
    writeFileSync(partial, pdf.bytes);
    renameSync(partial, file);
    return {
      file,
      pages: pdf.pages,
      rows: report.receipts.length,
      totalSatang: data.totalSatang,
      count: data.count,
      unkeyedLeaves: data.unkeyedLeaves.length,
      text: `${file} (${report.receipts.length} ใบเสร็จมือ / manual receipts, รวม ${data.totalSatang} satang, ${pdf.pages} หน้า / pages)`,
    };
  });
}
