import { renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPORT_NAMES, type ReportFormat, type ReportName } from '../../../src-shared/contract';
import { actingUser, actor, parseCommand, requireOption, UsageError } from '../args';
import type { CommandResult } from '../output';
import { call, loginAs, withHost, type CliEnv } from '../runtime';
import type { StdinLines } from '../stdin';

export const REPORT_USAGE = `report NAME --date YYYY-MM-DD [--to YYYY-MM-DD] (--pdf F | --xlsx F | --csv F) --user U --password-stdin   (NAME: ${REPORT_NAMES.join(', ')})
  report bank-import --file-id ID (--pdf F | --xlsx F) --user U --password-stdin`;

function isReportName(value: string): value is ReportName {
  return (REPORT_NAMES as readonly string[]).includes(value);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The file appears whole or not at all. */
function writeWhole(file: string, bytes: Buffer): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
}

function outputOf(values: { pdf?: string | undefined; xlsx?: string | undefined; csv?: string | undefined }): { format: ReportFormat; file: string } {
  const given = (['pdf', 'xlsx', 'csv'] as const).filter((f) => values[f] !== undefined);
  if (given.length !== 1) throw new UsageError('give exactly one of --pdf F, --xlsx F or --csv F');
  const format = given[0] ?? 'pdf';
  return { format, file: resolve(requireOption(values[format], `--${format}`)) };
}

/**
 * `ebill report NAME --date D [--to D] (--pdf F | --xlsx F)` (cli.md): renders a report through
 * report.render (same roles and audit as the app) and writes the file. `--csv` is added for GFMIS;
 * `report bank-import --file-id ID` is the bank import report of issue 9.
 */
export async function reportCommand(env: CliEnv, rest: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const [name, ...args] = rest;
  if (name === undefined) throw new UsageError('report needs a NAME');
  const { values } = parseCommand(args, { ...actingUser, date: { type: 'string' }, to: { type: 'string' }, pdf: { type: 'string' }, xlsx: { type: 'string' }, csv: { type: 'string' }, 'file-id': { type: 'string' } });
  const output = outputOf(values);
  if (name === 'bank-import') {
    const fileId = requireOption(values['file-id'], '--file-id');
    if (output.format === 'csv') throw new UsageError('the bank import report is --pdf or --xlsx');
    const who = actor(values, stdin);
    return withHost(env, async (host) => {
      await loginAs(host, who.username, who.password);
      const result = await call(host, 'report.bankImport', { fileId, format: output.format === 'pdf' ? 'pdf' : 'xlsx' });
      writeWhole(output.file, Buffer.from(result.contentBase64, 'base64'));
      return { file: output.file, rows: result.rows, totalSatang: result.totalSatang, pages: result.pages, text: `${output.file} (${result.rows} รายการ / rows)` };
    });
  }
  if (!isReportName(name)) throw new UsageError(`unknown report "${name.slice(0, 32)}"; one of ${REPORT_NAMES.join(', ')}, bank-import`);
  const date = requireOption(values.date, '--date');
  if (!DATE.test(date)) throw new UsageError(`--date must be YYYY-MM-DD, got "${date.slice(0, 32)}"`);
  if (values.to !== undefined && !DATE.test(values.to)) throw new UsageError(`--to must be YYYY-MM-DD, got "${values.to.slice(0, 32)}"`);
  const who = actor(values, stdin);
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    const result = await call(host, 'report.render', { name, date, ...(values.to === undefined ? {} : { to: values.to }), format: output.format });
    writeWhole(output.file, Buffer.from(result.contentBase64, 'base64'));
    return {
      file: output.file,
      rows: result.rows,
      totalSatang: result.totalSatang,
      pages: result.pages,
      from: result.from,
      to: result.to,
      text: `${output.file} (${result.rows} รายการ / rows, รวม / total ${result.totalSatang} satang)`,
    };
  });
}
