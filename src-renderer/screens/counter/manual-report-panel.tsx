import { useEffect, useState, type FormEvent } from 'react';
import type { EbillApi, ReplyError, RequestOutput } from '../../../src-shared/contract';
import { formatSatang } from '../../../src-shared/money';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { ErrorRegion } from '../../components/error-notice';
import { ShortcutHint } from '../../components/shortcut-hint';
import { BeDateField } from '../../components/be-date-field';
import { useI18n } from '../../i18n/i18n-context';

type Rendered = RequestOutput<'report.render'>;

/** The PDF's bytes as a blob: URL the clerk saves (img-src/blob: only; no frame or object is allowed by the CSP). */
function pdfUrl(contentBase64: string): string {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/**
 * รายงานใบเสร็จที่เขียนด้วยมือประจำวัน (seed 001 §5, the same-day report to the head of unit):
 * `report.render` of `manual-receipts` for one day, as a PDF to save and hand over.
 */
export function ManualReportPanel({ request, today }: { readonly request: EbillApi['request']; readonly today: string }) {
  const { t } = useI18n();
  const [date, setDate] = useState(today);
  const [rendered, setRendered] = useState<{ readonly file: Rendered; readonly url: string } | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  useEffect(() => () => {
    if (rendered !== null) URL.revokeObjectURL(rendered.url);
  }, [rendered]);

  const render = async (): Promise<void> => {
    setIsBusy(true);
    setError(null);
    setRendered(null);
    const reply = await request('report.render', { name: 'manual-receipts', date: date.trim(), format: 'pdf' });
    setIsBusy(false);
    if (reply.ok) setRendered({ file: reply.value, url: pdfUrl(reply.value.contentBase64) });
    else setError(reply.error);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void render();
  };
  useShortcuts([{ shortcut: SHORTCUTS.manualReport, run: () => void render(), enabled: !isBusy }]);

  return (
    <form className="panel form-panel" onSubmit={onSubmit} noValidate aria-label={t.manualReport.heading} aria-busy={isBusy}>
      <h2 className="section-title">{t.manualReport.heading}</h2>
      <p className="panel__text">{t.manualReport.intro}</p>
      <div className="form-row">
        <BeDateField label={t.manualReport.date} value={date} onChange={setDate} isRequired />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isBusy} aria-keyshortcuts="Alt+M">
          {isBusy ? t.manualReport.rendering : t.manualReport.render} <ShortcutHint shortcut={SHORTCUTS.manualReport} />
        </button>
      </div>
      <ErrorRegion error={error} />
      {rendered !== null && (
        <p className="notice notice--ok" data-testid="manual-report-result">
          {t.manualReport.result(rendered.file.rows, formatSatang(rendered.file.totalSatang), rendered.file.pages ?? 0)}{' '}
          <a href={rendered.url} download={rendered.file.fileName} className="button button--small">
            {t.manualReport.save(rendered.file.fileName)}
          </a>
        </p>
      )}
    </form>
  );
}
