import { useCallback, useEffect, useState, type ChangeEvent } from 'react';
import type { EbillApi, ReplyError } from '../../../src-shared/contract';
import { formatSatang } from '../../../src-shared/money';
import { SHORTCUTS } from '../../app/shortcuts';
import { SelectField } from '../../components/select-field';
import { revenueChoicesOf, revenueOptionLabel, type RevenueChoice, type RevenueChoices } from '../../forms/revenue-choices';
import { useI18n } from '../../i18n/i18n-context';

/** Before `catalog.list` answers: nothing is offered and every code is unknown. */
export const NO_CHOICES: RevenueChoices = { version: null, fines: [], fees: [], find: () => undefined, nameOf: () => undefined };

/**
 * The revenue codes main has in force, read with `catalog.list` when the screen opens (so a pull
 * from central shows the next time it is opened, no restart) and again on `reload` (Alt+R, or
 * after main refused a code with REVENUE_CODE_UNKNOWN).
 */
export function useRevenueChoices(request: EbillApi['request']): { readonly choices: RevenueChoices; readonly isLoaded: boolean; readonly error: ReplyError | null; readonly reload: () => Promise<RevenueChoices | null> } {
  const [choices, setChoices] = useState<RevenueChoices>(NO_CHOICES);
  const [isLoaded, setIsLoaded] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const reload = useCallback(async (): Promise<RevenueChoices | null> => {
    const reply = await request('catalog.list', {});
    if (!reply.ok) {
      setError(reply.error);
      return null;
    }
    const next = revenueChoicesOf(reply.value);
    setChoices(next);
    setError(null);
    setIsLoaded(true);
    return next;
  }, [request]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { choices, isLoaded, error, reload };
}

export interface RevenueFieldProps {
  readonly label: string;
  readonly placeholder: string;
  readonly choices: RevenueChoices;
  readonly isLoaded: boolean;
  readonly value: string;
  readonly onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  readonly error: string | null;
  readonly autoFocus?: boolean;
  /** What a fine needs on this screen (the new-request screen asks the fine order; paper keying only the amount). */
  readonly fineNeeds: string;
}

/**
 * The revenue code select: fines then the active fee types, each an <optgroup>, the code first in
 * every option (typing its digits picks it), and under it what the chosen code is and needs.
 */
export function RevenueField({ label, placeholder, choices, isLoaded, value, onChange, error, autoFocus, fineNeeds }: RevenueFieldProps) {
  const { t, language } = useI18n();
  const words = t.revenueChoice;
  const toOption = (choice: RevenueChoice) => ({ value: choice.revenueCode, label: revenueOptionLabel(choice, language) });
  const chosen = value === '' ? undefined : choices.find(value);
  return (
    <div className="revenue-field">
      <SelectField
        label={label}
        hint={words.hint(SHORTCUTS.refresh.label)}
        value={chosen === undefined ? '' : value}
        placeholder={isLoaded ? placeholder : words.loading}
        options={[]}
        groups={[
          { label: words.finesGroup(choices.fines.length), options: choices.fines.map(toOption) },
          { label: words.feesGroup(choices.fees.length), options: choices.fees.map(toOption) },
        ]}
        onChange={onChange}
        error={error}
        isRequired
        autoFocus={autoFocus}
        data-testid="revenue-code"
      />
      {chosen !== undefined && (
        <div className="revenue-field__chosen" data-testid="revenue-chosen" data-kind={chosen.kind}>
          <p className="revenue-field__name">
            <span lang="th">{chosen.nameTh}</span>
            {chosen.nameEn !== chosen.nameTh && (
              <>
                {' · '}
                <span lang="en">{chosen.nameEn}</span>
              </>
            )}
          </p>
          <p className="revenue-field__needs">
            {chosen.kind === 'fine'
              ? `${words.fineGroup(chosen.group ?? '')} · ${fineNeeds}`
              : `${chosen.fund === 'non-budget' ? words.fundNonBudget : words.fundStateRevenue} · ${chosen.fixedAmountSatang === null ? words.feeEnteredAmount : words.feeFixedAmount(formatSatang(chosen.fixedAmountSatang))}`}
          </p>
        </div>
      )}
      {isLoaded && choices.fees.length === 0 && <p className="field__hint">{words.noFees}</p>}
    </div>
  );
}

/**
 * A revenue code as a bill or receipt shows it: the code, then its Thai name (the English one after
 * it in English) from the catalog in force, inactive fee types included; the bare code while
 * `catalog.list` has not answered or for a code it no longer lists.
 */
export function RevenueName({ revenueCode, choices }: { readonly revenueCode: string; readonly choices: RevenueChoices }) {
  const { language } = useI18n();
  const names = choices.nameOf(revenueCode);
  return (
    <>
      <span className="mono">{revenueCode}</span>
      {names !== undefined && (
        <>
          {' '}
          <span lang="th">{names.nameTh}</span>
          {language === 'en' && names.nameEn !== names.nameTh && (
            <>
              {' · '}
              <span lang="en">{names.nameEn}</span>
            </>
          )}
        </>
      )}
    </>
  );
}
