import { useEffect, useState } from 'react';
import type { EbillApi, PrintJobSummary, Reply, ReplyError } from '../../../src-shared/contract';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { useI18n } from '../../i18n/i18n-context';

export interface PrintPanelProps {
  readonly request: EbillApi['request'];
  readonly book: string;
  readonly number: number;
  /** Start printing the original as soon as the panel shows (right after the receipt is issued). */
  readonly startAtOnce: boolean;
  /** The operator confirmed the original came out right (print.confirm succeeded): the owner reads the receipt again. */
  readonly onConfirmed?: () => void;
}

/**
 * The original of a receipt prints once (seed 001 §3.1.5): print.receiptOriginal, then the
 * operator says the paper came out right (print.confirm) or that it jammed (print.reportFailed)
 * and retries the *same* original (print.retry). There is never a "print again" here; a copy is a
 * supervisor's reprint on the receipt screen.
 */
export function PrintPanel({ request, book, number, startAtOnce, onConfirmed }: PrintPanelProps) {
  const { t } = useI18n();
  const [job, setJob] = useState<PrintJobSummary | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const run = async (step: () => Promise<Reply<PrintJobSummary>>): Promise<void> => {
    setIsBusy(true);
    setError(null);
    const reply = await step();
    setIsBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    setJob(reply.value);
    if (reply.value.state === 'confirmed') onConfirmed?.();
  };
  const printOriginal = (): Promise<void> => run(() => request('print.receiptOriginal', { book, number }));
  useEffect(() => {
    if (startAtOnce) void printOriginal();
    // Once, when the panel appears for a newly issued receipt.
  }, []);

  const state = job?.state ?? null;
  return (
    <section className="panel print-panel" aria-labelledby="print-panel-title" aria-busy={isBusy}>
      <h2 id="print-panel-title" className="section-title">
        {t.print.heading}
      </h2>
      <p className="panel__text">{t.print.onceNote}</p>
      <StatusRegion text={isBusy ? t.print.printing : state === 'confirmed' ? t.print.confirmed : state === null ? null : t.print.state(t.counter.jobStates[state])} />
      <ErrorRegion error={error} />
      <div className="form-actions">
        {job === null && !startAtOnce && (
          <button type="button" className="button button--primary" disabled={isBusy} onClick={() => void printOriginal()}>
            {t.print.printOriginal}
          </button>
        )}
        {job !== null && (state === 'sent' || state === 'queued') && (
          <>
            <button type="button" className="button button--primary" disabled={isBusy} onClick={() => void run(() => request('print.confirm', { jobId: job.id }))} autoFocus>
              {t.print.confirm}
            </button>
            <button type="button" className="button" disabled={isBusy} onClick={() => void run(() => request('print.reportFailed', { jobId: job.id, reasonText: t.print.failedReason }))}>
              {t.print.failed}
            </button>
          </>
        )}
        {job !== null && state === 'failed' && (
          <button type="button" className="button button--primary" disabled={isBusy} onClick={() => void run(() => request('print.retry', { jobId: job.id }))}>
            {t.print.retry}
          </button>
        )}
        {job === null && startAtOnce && error !== null && (
          <button type="button" className="button button--primary" disabled={isBusy} onClick={() => void printOriginal()}>
            {t.print.retry}
          </button>
        )}
      </div>
    </section>
  );
}
