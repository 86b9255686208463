import { formatThaiDateTime } from '../../src-shared/dates';
import { formatSatang, SATANG_PER_BAHT } from '../../src-shared/money';
import { cellText } from './render-pdf';
import type { ReportTable } from './model';

/** Excel's number format for baht with two decimals. */
const BAHT_FORMAT = '#,##0.00';

/**
 * The report as an XLSX workbook (exceljs): title, office, period, a Thai and an English heading
 * row, the rows, the totals. Amount cells are numbers in baht (satang ÷ 100, exact at two decimals)
 * formatted #,##0.00 so the finance officer can sum them; dates are written as B.E. text.
 */
export async function reportXlsx(table: ReportTable, officeNameTh: string, printedAtMs: number): Promise<Uint8Array> {
  // Loaded on first use: exceljs costs ~0.4 s to import, which every CLI run and app start would pay.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(printedAtMs);
  workbook.modified = new Date(printedAtMs);
  const sheet = workbook.addWorksheet(table.name.slice(0, 31));
  const period = table.period.from === table.period.to ? table.period.from : `${table.period.from} – ${table.period.to}`;
  sheet.addRow([table.titleTh]).font = { bold: true, size: 14 };
  sheet.addRow([table.titleEn]);
  sheet.addRow([officeNameTh]);
  sheet.addRow([`ช่วงวันที่ / period: ${period}`]);
  sheet.addRow([`พิมพ์เมื่อ / printed: ${formatThaiDateTime(printedAtMs)}`]);
  sheet.addRow([]);
  sheet.addRow(table.columns.map((c) => c.labelTh)).font = { bold: true };
  sheet.addRow(table.columns.map((c) => c.labelEn)).font = { italic: true };
  for (const row of table.rows) {
    const added = sheet.addRow(
      table.columns.map((c) => {
        const value = row.cells[c.key];
        if (c.kind === 'satang' && typeof value === 'number') return value / SATANG_PER_BAHT;
        if (c.kind === 'count' && typeof value === 'number') return value;
        return cellText(c, value);
      }),
    );
    if (row.kind !== 'item') added.font = { bold: true };
  }
  const amountIndex = Math.max(0, table.columns.map((c) => c.kind).lastIndexOf('satang'));
  table.columns.forEach((c, i) => {
    if (c.kind === 'satang') sheet.getColumn(i + 1).numFmt = BAHT_FORMAT;
    sheet.getColumn(i + 1).width = c.kind === 'text' ? 28 : 14;
  });
  sheet.addRow([]);
  for (const total of table.totals) {
    const cells: (string | number)[] = table.columns.map(() => '');
    cells[0] = `${total.labelTh} / ${total.labelEn}`;
    cells[amountIndex] = total.satang / SATANG_PER_BAHT;
    const added = sheet.addRow(cells);
    added.font = { bold: true };
    added.getCell(amountIndex + 1).numFmt = BAHT_FORMAT;
  }
  for (const note of table.notesTh) sheet.addRow([note]);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** CSV (UTF-8 with BOM, for Excel) of a report's item rows: the GFMIS upload format; amounts "1234.50". */
export function reportCsv(table: ReportTable): Uint8Array {
  const quote = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const header = table.columns.map((c) => quote(c.labelEn)).join(',');
  const lines = table.rows
    .filter((r) => r.kind === 'item')
    .map((r) =>
      table.columns
        .map((c) => {
          const value = r.cells[c.key];
          if (value === null || value === undefined) return '';
          if (c.kind === 'satang' && typeof value === 'number') return formatSatang(value, { grouping: false });
          return quote(String(value));
        })
        .join(','),
    );
  return new TextEncoder().encode(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`);
}
