import type { ReplyError, RequestOutput } from '../../../src-shared/contract';
import { formatSatang } from '../../../src-shared/money';
import { ErrorRegion } from '../../components/error-notice';
import { ModalDialog } from '../../components/modal-dialog';
import { formatMoment } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { varianceText } from './cash-count';

type CloseRecord = RequestOutput<'close.status'>['closes'][number];

/** Close records (day, supplementary or shift closes) as the day close and the shift close show them. */
export interface CloseRecordsProps {
  readonly closes: readonly CloseRecord[];
  readonly heading: string;
  /** For a second list on one screen: its heading id and test id (default `close-records`). */
  readonly name?: string;
}

export function CloseRecords({ closes, heading, name = 'close-records' }: CloseRecordsProps) {
  const { t, language } = useI18n();
  return (
    <section className="panel" aria-labelledby={`${name}-title`} data-testid={name}>
      <h2 id={`${name}-title`} className="section-title">
        {heading}
      </h2>
      {closes.map((c) => (
        <div key={c.id} className="close-record">
          <h3 className="subsection-title">{t.dayClose.kinds[c.kind]}</h3>
          <dl className="facts">
            <div><dt>{t.dayClose.closedAt}</dt><dd>{formatMoment(c.atMs, language)}</dd></div>
            <div><dt>{t.dayClose.closedBy}</dt><dd>{c.closedByNameTh ?? c.closedByUserId}</dd></div>
            <div><dt>{t.dayClose.receiptCount}</dt><dd>{c.receiptCount}</dd></div>
            <div><dt>{t.dayClose.total}</dt><dd>{formatSatang(c.totalSatang)} {t.counter.baht}</dd></div>
            <div><dt>{t.dayClose.cashExpected}</dt><dd>{formatSatang(c.cashExpectedSatang)} {t.counter.baht}</dd></div>
            <div><dt>{t.dayClose.counted}</dt><dd>{formatSatang(c.cashCountedSatang)} {t.counter.baht}</dd></div>
            <div><dt>{t.dayClose.variance}</dt><dd>{varianceText(t, c.varianceSatang)}</dd></div>
            {c.varianceReason !== null && <div><dt>{t.dayClose.reasonShown}</dt><dd>{c.varianceReason}</dd></div>}
            <div><dt>{t.dayClose.unconfirmedCount}</dt><dd>{c.unconfirmedCount}</dd></div>
            <div><dt>{t.dayClose.chainHead}</dt><dd className="table__mono">{c.chainHeadSeq} · {c.chainHeadHash.slice(0, 16)}…</dd></div>
          </dl>
        </div>
      ))}
    </section>
  );
}

export interface CloseConfirmDialogProps {
  readonly title: string;
  readonly text: string;
  readonly cancelLabel: string;
  readonly confirmLabel: string;
  readonly isBusy: boolean;
  readonly error: ReplyError | null;
  readonly onCancel: () => void;
  readonly onConfirm: () => void;
}

/** The last step of a day or shift close: what is about to be recorded, then "not yet" or "close now" (a close cannot be undone). */
export function CloseConfirmDialog({ title, text, cancelLabel, confirmLabel, isBusy, error, onCancel, onConfirm }: CloseConfirmDialogProps) {
  return (
    <ModalDialog title={title} onClose={onCancel} isBusy={isBusy} tone="danger">
      <p className="dialog__text">{text}</p>
      <ErrorRegion error={error} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel} disabled={isBusy}>
          {cancelLabel}
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm} disabled={isBusy} autoFocus>
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
