import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ReplyError, RequestOutput } from '../../../src-shared/contract';
import { formatSatang, parseAmount } from '../../../src-shared/money';
import type { CounterTarget } from '../../app/route';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { SelectField } from '../../components/select-field';
import { ShortcutHint } from '../../components/shortcut-hint';
import { BeDateField } from '../../components/be-date-field';
import { TextField } from '../../components/text-field';
import { amountAfterChoice } from '../../forms/revenue-choices';
import { checkRequestForm, draftNeeds, EMPTY_DRAFT, instalmentAmounts, MAX_INSTALMENTS, nationalIdAsTyped, readDraft, writeDraft, type RequestDraft, type RequestErrors, type RequestProblem } from '../../forms/request-form';
import { formatBusinessDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { Dict } from '../../i18n/th';
import type { Phrase } from './phrase';
import { errorMessage } from '../../i18n/messages';
import { RevenueField, useRevenueChoices } from './revenue-field';
import { ScreenToolbar } from './screen-toolbar';
import type { ScreenProps } from '../../app/screen-props';

export interface NewRequestScreenProps extends ScreenProps {
  readonly onOpen: (target: CounterTarget) => void;
}

type Created = RequestOutput<'request.create'>;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * บันทึกคำร้องใหม่: payer, revenue code from `catalog.list` (the fine laws and the active fee types
 * main has in force, read each time the screen opens and on Alt+R), then what that code needs — a
 * fine: national ID (checked as typed) or a fine order entered by hand, instalments; a fee: the
 * national ID, its fixed amount prefilled — amount (strict) → one request.create per instalment →
 * print the request form → take payment on the bill screen. The draft is kept in localStorage; a
 * code main no longer has in force (a pull made it inactive) is refused with REVENUE_CODE_UNKNOWN,
 * shown on the field, and the list is read again.
 */
export function NewRequestScreen({ info, user, request, onOpen, onHome, onLogout, isLoggingOut }: NewRequestScreenProps) {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState<RequestDraft>(() => readDraft(storage()));
  const [errors, setErrors] = useState<RequestErrors>({});
  const [error, setError] = useState<ReplyError | null>(null);
  // A status is kept as words to say, not said: it follows a language switch.
  const [status, setStatus] = useState<Phrase | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [created, setCreated] = useState<readonly Created[]>([]);
  const firstRef = useRef<HTMLInputElement>(null);
  const catalog = useRevenueChoices(request);
  const { choices, isLoaded } = catalog;

  // A draft kept from before the catalog changed may hold a code no longer offered: say so, pick again.
  useEffect(() => {
    if (!isLoaded) return;
    setDraft((d) => {
      if (d.revenueCode === '' || choices.find(d.revenueCode) !== undefined) return d;
      setErrors((e) => ({ ...e, revenueCode: 'REVENUE_CODE_UNKNOWN' }));
      return { ...d, revenueCode: '' };
    });
  }, [choices, isLoaded]);

  useEffect(() => {
    if (created.length === 0) writeDraft(storage(), draft);
  }, [draft, created.length]);

  const change = (patch: Partial<RequestDraft>): void => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch)) delete next[key as keyof RequestErrors];
      return next;
    });
  };
  const problemText = (problem: RequestProblem | undefined): string | null =>
    problem === undefined ? null : problem === 'required' ? t.problems.required : errorMessage(t, problem);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const checked = checkRequestForm(draft, choices);
    if (!checked.ok) {
      setErrors(checked.errors);
      setStatus(null);
      return;
    }
    setIsSaving(true);
    setError(null);
    const done: Created[] = [];
    for (const input of checked.value) {
      const reply = await request('request.create', input);
      if (!reply.ok) {
        setError(reply.error);
        // Central's catalog changed under the draft: read it again; the field says to choose anew.
        if (reply.error.code === 'REVENUE_CODE_UNKNOWN') {
          const refused = choices.find(input.revenueCode);
          const next = await catalog.reload();
          if (next?.find(input.revenueCode) === undefined) {
            // Gone from the list: the choice is cleared, and with it the fixed amount it had prefilled.
            setDraft((d) => ({ ...d, revenueCode: '', amountText: amountAfterChoice(d.amountText, refused, undefined) }));
          }
          setErrors((e) => ({ ...e, revenueCode: 'REVENUE_CODE_UNKNOWN' }));
        }
        break;
      }
      done.push(reply.value);
    }
    setIsSaving(false);
    if (done.length > 0) {
      setCreated(done);
      writeDraft(storage(), null);
      setStatus(() => (d: Dict) => d.newRequest.saved(done.length));
    }
  };

  const printForm = async (ref1: string): Promise<void> => {
    setError(null);
    const reply = await request('print.requestForm', { ref1 });
    if (reply.ok) setStatus(() => (d: Dict) => d.newRequest.formPrinted);
    else setError(reply.error);
  };

  const startAnother = (): void => {
    setCreated([]);
    setDraft(EMPTY_DRAFT);
    setStatus(null);
    setError(null);
    setTimeout(() => firstRef.current?.focus(), 0);
  };

  useShortcuts([
    { shortcut: SHORTCUTS.home, run: onHome, enabled: !isSaving },
    { shortcut: SHORTCUTS.newRequest, run: startAnother, enabled: created.length > 0 },
    { shortcut: SHORTCUTS.refresh, run: () => void catalog.reload(), enabled: !isSaving && created.length === 0 },
  ]);

  const idState = nationalIdAsTyped(draft.payerId);
  const amount = parseAmount(draft.amountText, { allowZero: false });
  const chosen = draft.revenueCode === '' ? undefined : choices.find(draft.revenueCode);
  const isFee = chosen?.kind === 'fee';
  const needs = draftNeeds(draft, chosen);
  const isManual = needs.isFineOrder;
  const parts = amount.ok && needs.instalments > 1 ? instalmentAmounts(amount.value, needs.instalments) : null;

  return (
    <ScreenFrame title={t.newRequest.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--new-request">
      <ScreenToolbar title={t.newRequest.title} onHome={onHome} />
      <StatusRegion text={status?.(t) ?? null} />
      <ErrorRegion error={error ?? catalog.error} />
      {created.length === 0 ? (
        <form className="panel form-panel" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="new-request-legend">
          <p id="new-request-legend" className="panel__text">
            {t.newRequest.intro}
          </p>
          <div className="form-row">
            <TextField
              ref={firstRef}
              className="field--grow"
              label={t.newRequest.payerName}
              hint={t.newRequest.payerNameHint}
              value={draft.payerName}
              onChange={(e) => change({ payerName: e.target.value })}
              error={problemText(errors.payerName)}
              maxLength={200}
              lang="th"
              autoComplete="off"
              isRequired
              autoFocus
            />
            <TextField
              label={isManual ? t.newRequest.payerIdOptional : t.newRequest.payerId}
              hint={t.newRequest.payerIdHint}
              value={draft.payerId}
              onChange={(e) => change({ payerId: e.target.value })}
              error={problemText(errors.payerId) ?? (idState !== null && idState !== 'ok' ? problemText(idState) : null)}
              after={idState === 'ok' ? <p className="field__ok">{t.newRequest.payerIdOk}</p> : null}
              inputMode="numeric"
              maxLength={17}
              autoComplete="off"
              isRequired={!isManual}
            />
          </div>
          <div className="form-row">
            <RevenueField
              label={t.newRequest.revenueCode}
              placeholder={t.newRequest.chooseRevenue}
              fineNeeds={t.revenueChoice.fineNeeds}
              choices={choices}
              isLoaded={isLoaded}
              value={draft.revenueCode}
              onChange={(e) => change({ revenueCode: e.target.value, amountText: amountAfterChoice(draft.amountText, chosen, choices.find(e.target.value)) })}
              error={problemText(errors.revenueCode)}
            />
          </div>
          {!isFee && (
            <fieldset className="radio-group">
              <legend className="field__label">{t.newRequest.idKind}</legend>
              {(['national-id', 'fine-order'] as const).map((kind) => (
                <label key={kind} className="radio">
                  <input type="radio" name="idKind" value={kind} checked={draft.idKind === kind} onChange={() => change({ idKind: kind })} />
                  {kind === 'national-id' ? t.newRequest.idKindNationalId : t.newRequest.idKindFineOrder}
                </label>
              ))}
            </fieldset>
          )}
          {isManual && (
            <div className="form-row">
              <TextField
                label={t.newRequest.fineOrderNo}
                value={draft.fineOrderNo}
                onChange={(e) => change({ fineOrderNo: e.target.value })}
                error={problemText(errors.fineOrderNo)}
                maxLength={40}
                autoComplete="off"
                isRequired
                after={<p className="field__warning">{t.newRequest.manualMark}: {t.newRequest.fineOrderHint}</p>}
              />
              <TextField label={t.newRequest.fineOfficer} value={draft.fineIssuingOfficer} onChange={(e) => change({ fineIssuingOfficer: e.target.value })} maxLength={200} lang="th" />
            </div>
          )}
          <div className="form-row">
            <TextField
              label={t.newRequest.amount}
              hint={t.newRequest.amountHint}
              value={draft.amountText}
              onChange={(e) => change({ amountText: e.target.value })}
              error={problemText(errors.amountText)}
              after={amount.ok ? <p className="field__ok">{t.newRequest.amountShown(formatSatang(amount.value))}</p> : null}
              inputMode="decimal"
              maxLength={40}
              autoComplete="off"
              isRequired
            />
            {!isFee && (
              <SelectField
                label={t.newRequest.instalments}
                hint={t.newRequest.instalmentsHint}
                value={String(draft.instalments)}
                options={Array.from({ length: MAX_INSTALMENTS }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
                onChange={(e) => {
                  const n = Number(e.target.value);
                  change({ instalments: n, dueDates: Array.from({ length: n }, (_, i) => draft.dueDates[i] ?? '') });
                }}
              />
            )}
            {needs.instalments === 1 && (
              <BeDateField label={t.newRequest.dueDate} value={draft.dueDates[0] ?? ''} onChange={(iso) => change({ dueDates: [iso] })} />
            )}
          </div>
          {needs.instalments > 1 && (
            <div className="instalments">
              {Array.from({ length: needs.instalments }, (_, i) => (
                <BeDateField
                  key={i}
                  label={t.newRequest.dueDateOf(i + 1, parts?.[i] === undefined ? '—' : formatSatang(parts[i]))}
                  value={draft.dueDates[i] ?? ''}
                  onChange={(iso) => change({ dueDates: draft.dueDates.map((d, j) => (j === i ? iso : d)) })}
                  error={errors.dueDates !== undefined && (draft.dueDates[i] ?? '') === '' ? t.newRequest.dueDatesRequired : null}
                  isRequired
                />
              ))}
            </div>
          )}
          <div className="form-actions">
            <button type="submit" className="button button--primary button--large" disabled={isSaving}>
              {isSaving ? t.newRequest.saving : t.newRequest.save}
            </button>
            <button type="button" className="button" onClick={startAnother} disabled={isSaving}>
              {t.newRequest.clear}
            </button>
            {Object.keys(errors).length > 0 && <p className="field__error">{t.newRequest.fixFields}</p>}
          </div>
        </form>
      ) : (
        <section className="panel" aria-labelledby="created-title">
          <h2 id="created-title" className="section-title">
            {t.newRequest.createdHeading}
          </h2>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.bill.requestNo}</th>
                  <th scope="col">{t.bill.ref1}</th>
                  <th scope="col">{t.bill.payer}</th>
                  <th scope="col">{t.bill.amount}</th>
                  <th scope="col">{t.bill.dueDate}</th>
                  <th scope="col">{t.paidBills.columns.action}</th>
                </tr>
              </thead>
              <tbody>
                {created.map((row, i) => (
                  <tr key={row.ref1}>
                    <td className="table__mono">
                      {row.requestNo}
                      {created.length > 1 && <> ({t.newRequest.instalmentLabel(i + 1)})</>}
                      {row.isManualFineEntry && <span className="badge badge--pending">{t.newRequest.manualMark}</span>}
                    </td>
                    <td className="table__mono">{row.ref1}</td>
                    <td lang="th">{row.payerName}</td>
                    <td className="table__number">{formatSatang(row.amountSatang)}</td>
                    <td>{formatBusinessDate(row.dueDate, language)}</td>
                    <td className="table__actions">
                      <button type="button" className="button button--small" onClick={() => void printForm(row.ref1)} autoFocus={i === 0}>
                        {t.newRequest.printForm}
                      </button>
                      <button type="button" className="button button--small button--primary" onClick={() => onOpen({ screen: 'bill', ref1: row.ref1 })}>
                        {t.newRequest.openBill}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            <button type="button" className="button" onClick={startAnother}>
              {t.newRequest.another} <ShortcutHint shortcut={SHORTCUTS.newRequest} />
            </button>
          </div>
        </section>
      )}
    </ScreenFrame>
  );
}
