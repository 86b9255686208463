import { useEffect, useState, type FormEvent } from 'react';
import { REPORT_FORMATS, REPORT_NAMES, type ReplyError, type ReportFormat, type ReportName, type RequestOutput } from '../../../src-shared/contract';
import { formatSatang } from '../../../src-shared/money';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { BeDateField } from '../../components/be-date-field';
import { ErrorRegion } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { SelectField } from '../../components/select-field';
import { formatBusinessDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { ScreenToolbar } from './screen-toolbar';
import type { ScreenProps } from '../../app/screen-props';

export type ReportsScreenProps = ScreenProps;

type Rendered = RequestOutput<'report.render'>;

const MIME: Readonly<Record<ReportFormat, string>> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** The file's bytes as a blob: URL the clerk saves or opens, as the manual-receipts report does (the CSP allows blob: only). */
export function fileUrl(contentBase64: string, format: ReportFormat): string {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: MIME[format] }));
}

/**
 * รายงาน (issue 10): a report from the registry (cli.md names), a business date or a range shown in
 * the Buddhist era, PDF / XLSX / CSV, made by `report.render` while the screen says it is working,
 * then a link to save or open the file. Finance officer, head of unit and auditor: reports only read.
 */
export function ReportsScreen({ info, user, request, onHome, onLogout, isLoggingOut }: ReportsScreenProps) {
  const { t, language } = useI18n();
  const today = info?.businessDate ?? '';
  const [name, setName] = useState<ReportName>('fines');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState('');
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [rendered, setRendered] = useState<{ readonly file: Rendered; readonly url: string } | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  useEffect(() => {
    if (from === '' && today !== '') setFrom(today);
  }, [from, today]);
  useEffect(
    () => () => {
      if (rendered !== null) URL.revokeObjectURL(rendered.url);
    },
    [rendered],
  );

  const produce = async (): Promise<void> => {
    setIsBusy(true);
    setError(null);
    setRendered(null);
    const reply = await request('report.render', { name, date: from.trim(), ...(to.trim() === '' ? {} : { to: to.trim() }), format });
    setIsBusy(false);
    if (reply.ok) setRendered({ file: reply.value, url: fileUrl(reply.value.contentBase64, reply.value.format) });
    else setError(reply.error);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void produce();
  };
  useShortcuts([{ shortcut: SHORTCUTS.home, run: onHome, enabled: !isBusy }]);

  const [title, description] = t.reports.names[name];
  const period = (file: Rendered): string => t.reports.period(formatBusinessDate(file.from, language), formatBusinessDate(file.to, language));
  return (
    <ScreenFrame title={t.reports.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--reports">
      <ScreenToolbar title={t.reports.title} onHome={onHome} />
      <p className="panel__text">{t.reports.intro}</p>
      <p className="notice notice--info">{t.reports.readOnly}</p>
      <form className="panel form-panel" onSubmit={onSubmit} noValidate aria-label={t.reports.produce} aria-busy={isBusy}>
        <div className="form-row">
          <SelectField
            label={t.reports.report}
            value={name}
            onChange={(e) => setName(e.target.value as ReportName)}
            options={REPORT_NAMES.map((n) => ({ value: n, label: t.reports.names[n][0] ?? n }))}
            hint={description}
            isRequired
            autoFocus
            className="field--grow"
          />
        </div>
        <div className="form-row">
          <BeDateField label={t.reports.from} value={from} onChange={setFrom} isRequired />
          <BeDateField label={t.reports.to} value={to} onChange={setTo} className="field--grow" />
        </div>
        <fieldset className="radio-group">
          <legend className="field__label">{t.reports.format}</legend>
          {REPORT_FORMATS.map((f) => (
            <label key={f} className="radio">
              <input type="radio" name="report-format" value={f} checked={format === f} onChange={() => setFormat(f)} /> {t.reports.formats[f]}
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isBusy || from.trim() === ''}>
            {isBusy ? t.reports.producing : t.reports.produce}
          </button>
        </div>
        {isBusy && (
          <p className="report-progress" role="status" data-testid="report-progress">
            <progress aria-label={t.reports.producing} /> {t.reports.producing}
          </p>
        )}
        <ErrorRegion error={error} />
        {rendered !== null && (
          <div className="notice notice--ok" data-testid="report-result">
            <p className="notice__text">
              {title}: {t.reports.result(rendered.file.rows, formatSatang(rendered.file.totalSatang), period(rendered.file))}
              {rendered.file.pages !== null && ` · ${t.reports.pages(rendered.file.pages)}`}
            </p>
            <a href={rendered.url} download={rendered.file.fileName} className="button button--small">
              {t.reports.save(rendered.file.fileName)}
            </a>
          </div>
        )}
      </form>
    </ScreenFrame>
  );
}
