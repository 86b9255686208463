import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { EbillApi, ReplyError, RequestOutput } from '../../../src-shared/contract';
import { BANK_FILE_FORMAT_CHOICES, BANK_RESOLUTION_ACTIONS, type BankResolutionAction } from '../../../src-shared/domain/bank';
import { formatSatang } from '../../../src-shared/money';
import { mayCall } from '../../app/permissions';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { ModalDialog } from '../../components/modal-dialog';
import { ScreenFrame } from '../../components/screen-frame';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { formatBusinessDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { Dict } from '../../i18n/th';
import type { Phrase } from './phrase';
import { ScreenToolbar } from './screen-toolbar';
import type { ScreenProps } from '../../app/screen-props';

export type BankScreenProps = ScreenProps;

type Exception = RequestOutput<'bank.exceptions'>['exceptions'][number];
type Format = (typeof BANK_FILE_FORMAT_CHOICES)[number];

/** The file's bytes as base64, in chunks (a 25 MB file would overflow one String.fromCharCode call). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** นำเข้าแฟ้มธนาคาร (issue 9): choose a file, import it whole or not at all, then resolve the exceptions. */
export function BankScreen({ info, user, request, onHome, onLogout, isLoggingOut }: BankScreenProps) {
  const { t, language } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<Format>('auto');
  const [result, setResult] = useState<RequestOutput<'bank.import'> | null>(null);
  const [exceptions, setExceptions] = useState<readonly Exception[] | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  // A status is kept as words to say, not said: it follows a language switch.
  const [status, setStatus] = useState<Phrase | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [resolving, setResolving] = useState<Exception | null>(null);
  const mayImport = mayCall(user.role, 'bank.import');

  const load = useCallback(async () => {
    const reply = await request('bank.exceptions', { openOnly: true });
    if (reply.ok) setExceptions(reply.value.exceptions);
    else setError(reply.error);
  }, [request]);
  useEffect(() => {
    void load();
  }, [load]);
  useShortcuts([{ shortcut: SHORTCUTS.home, run: onHome, enabled: !isBusy && resolving === null }]);

  const onImport = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (file === null) return;
    setIsBusy(true);
    setError(null);
    setResult(null);
    setStatus(() => (d: Dict) => d.bank.importing);
    const contentBase64 = await base64Of(file);
    const reply = await request('bank.import', { contentBase64, format, fileName: file.name });
    setIsBusy(false);
    setStatus(null);
    if (reply.ok) {
      setResult(reply.value);
      await load();
    } else setError(reply.error);
  };

  return (
    <ScreenFrame title={t.bank.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--bank">
      <ScreenToolbar title={t.bank.title} onHome={onHome} />
      {mayImport && (
        <form className="panel form-panel" onSubmit={(e) => void onImport(e)} noValidate aria-label={t.bank.title} aria-busy={isBusy}>
          <p className="panel__text">{t.bank.intro}</p>
          <div className="form-row">
            <div className="field field--grow">
              <label className="field__label" htmlFor="bank-file">
                {t.bank.file}
              </label>
              <input id="bank-file" className="field__input" type="file" accept=".txt,.csv,.dat,text/plain,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </div>
            <SelectField label={t.bank.format} value={format} onChange={(e) => setFormat(e.target.value as Format)} options={BANK_FILE_FORMAT_CHOICES.map((f) => ({ value: f, label: t.bank.formats[f] }))} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={isBusy || file === null}>
              {isBusy ? t.bank.importing : t.bank.import}
            </button>
          </div>
        </form>
      )}
      {isBusy && <progress className="progress" aria-label={t.bank.progress} />}
      <StatusRegion text={status?.(t) ?? (result === null ? null : result.isSameFileAgain ? t.bank.sameFile : t.bank.result(result.lines, result.matched, result.exceptions, result.duplicates))} />
      {result !== null && result.forwarded > 0 && <p className="notice notice--info">{t.bank.forwarded(result.forwarded)}</p>}
      <ErrorRegion error={error} />
      {result !== null && mayCall(user.role, 'report.bankImport') && <ImportReport key={result.fileId} fileId={result.fileId} request={request} />}
      <section className="panel" aria-labelledby="exceptions-title">
        <h2 id="exceptions-title" className="section-title">
          {t.bank.exceptionsHeading}
        </h2>
        {exceptions === null ? (
          <p className="panel__text">{t.counter.loading}</p>
        ) : exceptions.length === 0 ? (
          <p className="panel__text">{t.counter.none}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.bank.columns.kind}</th>
                  <th scope="col">{t.bank.columns.ref1}</th>
                  <th scope="col">{t.bank.columns.customer}</th>
                  <th scope="col">{t.bank.columns.amount}</th>
                  <th scope="col">{t.bank.columns.date}</th>
                  {mayImport && <th scope="col">{t.bank.columns.action}</th>}
                </tr>
              </thead>
              <tbody>
                {exceptions.map((x) => (
                  <tr key={x.exceptionId}>
                    <td>{t.bank.kinds[x.kind]}</td>
                    <td className="table__mono">{x.ref1}</td>
                    <td>{x.customerName}</td>
                    <td className="table__number">{formatSatang(x.amountSatang)}</td>
                    <td>{formatBusinessDate(x.paymentDate, language)}</td>
                    {mayImport && (
                      <td>
                        <button type="button" className="button button--small" onClick={() => setResolving(x)}>
                          {t.bank.resolve}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {resolving !== null && (
        <ResolveDialog
          exception={resolving}
          request={request}
          onClose={() => setResolving(null)}
          onDone={() => {
            setResolving(null);
            setStatus(() => (d: Dict) => d.bank.resolved);
            void load();
          }}
        />
      )}
    </ScreenFrame>
  );
}

type ReportFormat = 'pdf' | 'xlsx';
const REPORT_FORMATS: readonly ReportFormat[] = ['pdf', 'xlsx'];
const MIME: Record<ReportFormat, string> = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/** The rendered report's bytes as a blob: URL to save (no frame or object is allowed by the CSP). */
function blobUrl(contentBase64: string, format: ReportFormat): string {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: MIME[format] }));
}

/** รายงานการนำเข้า (issue 9): `report.bankImport` of the file just imported, as PDF or XLSX, to save. */
function ImportReport({ fileId, request }: { readonly fileId: string; readonly request: EbillApi['request'] }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState<{ readonly fileName: string; readonly url: string } | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  useEffect(() => () => {
    if (saved !== null) URL.revokeObjectURL(saved.url);
  }, [saved]);
  const render = async (format: ReportFormat): Promise<void> => {
    setIsBusy(true);
    setError(null);
    setSaved(null);
    const reply = await request('report.bankImport', { fileId, format });
    setIsBusy(false);
    if (reply.ok) setSaved({ fileName: reply.value.fileName, url: blobUrl(reply.value.contentBase64, format) });
    else setError(reply.error);
  };
  return (
    <section className="panel" aria-label={t.bank.report} aria-busy={isBusy}>
      <div className="form-actions form-actions--report">
        <span className="panel__text">{t.bank.report}</span>
        {REPORT_FORMATS.map((format) => (
          <button key={format} type="button" className="button button--small" disabled={isBusy} onClick={() => void render(format)}>
            {t.bank.reportFormats[format]}
          </button>
        ))}
        {isBusy && <span className="panel__text">{t.bank.rendering}</span>}
        {saved !== null && (
          <a href={saved.url} download={saved.fileName} className="button button--small button--primary">
            {t.bank.saveReport(saved.fileName)}
          </a>
        )}
      </div>
      <ErrorRegion error={error} />
    </section>
  );
}

function ResolveDialog({ exception, request, onClose, onDone }: { readonly exception: Exception; readonly request: EbillApi['request']; readonly onClose: () => void; readonly onDone: () => void }) {
  const { t } = useI18n();
  const [action, setAction] = useState<BankResolutionAction>('note');
  const [ref1, setRef1] = useState(exception.ref1);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ReplyError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setIsBusy(true);
    const reply = await request('bank.resolveException', { exceptionId: exception.exceptionId, action, note, ...(action === 'match-by-hand' ? { ref1: ref1.trim() } : {}) });
    setIsBusy(false);
    if (reply.ok) onDone();
    else setError(reply.error);
  };
  return (
    <ModalDialog title={t.bank.resolveTitle} onClose={onClose} isBusy={isBusy}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="dialog__form">
        <SelectField label={t.bank.action} value={action} onChange={(e) => setAction(e.target.value as BankResolutionAction)} options={BANK_RESOLUTION_ACTIONS.map((a) => ({ value: a, label: t.bank.actions[a] }))} autoFocus />
        {action === 'match-by-hand' && <TextField label={t.bank.ref1} value={ref1} onChange={(e) => setRef1(e.target.value)} inputMode="numeric" maxLength={15} isRequired />}
        <TextField label={t.bank.note} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} lang="th" isRequired />
        <ErrorRegion error={error} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={isBusy}>
            {t.approval.cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={isBusy}>
            {t.bank.save}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
