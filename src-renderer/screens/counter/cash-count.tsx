import { CASH_DENOMINATIONS, type CountedPieces, type DenominationKey } from '../../../src-shared/domain/cash';
import { formatSatang } from '../../../src-shared/money';
import { useI18n } from '../../i18n/i18n-context';
import type { Dict } from '../../i18n/th';

/** What the clerk typed per denomination, as text (the screen never guesses a number). */
export type CashDrafts = Readonly<Record<DenominationKey, string>>;

export const EMPTY_CASH_DRAFTS = Object.fromEntries(CASH_DENOMINATIONS.map((d) => [d.key, ''])) as CashDrafts;
const PIECES = /^\d{1,6}$/;

/** A typed piece count: empty is 0; anything else not whole digits is NaN (main then refuses it: the screen never guesses). */
function piecesOf(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  return PIECES.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export interface CashCount {
  readonly pieces: CountedPieces;
  /** Every denomination is empty or whole digits. */
  readonly isValid: boolean;
  /** Integer satang of the valid rows. */
  readonly countedSatang: number;
}

export function cashCountOf(drafts: CashDrafts): CashCount {
  const pieces = Object.fromEntries(CASH_DENOMINATIONS.map((d) => [d.key, piecesOf(drafts[d.key])])) as CountedPieces;
  return {
    pieces,
    isValid: CASH_DENOMINATIONS.every((d) => Number.isFinite(pieces[d.key])),
    countedSatang: CASH_DENOMINATIONS.reduce((sum, d) => sum + (Number.isFinite(pieces[d.key]) ? pieces[d.key] * d.satang : 0), 0),
  };
}

/** The denomination as a clerk reads it: "ธนบัตร 1000 บาท", "เหรียญ 50 สตางค์". */
export function denominationLabel(t: Dict, d: (typeof CASH_DENOMINATIONS)[number]): string {
  if (d.kind === 'note') return t.dayClose.note(Number(d.key).toLocaleString('en-US'));
  return d.satang < 100 ? t.dayClose.coinSatang(String(d.satang)) : t.dayClose.coinBaht(d.key);
}

export function varianceText(t: Dict, varianceSatang: number): string {
  if (varianceSatang === 0) return t.dayClose.balanced;
  return varianceSatang > 0 ? t.dayClose.over(formatSatang(varianceSatang)) : t.dayClose.short(formatSatang(-varianceSatang));
}

export interface CashCountTableProps {
  readonly drafts: CashDrafts;
  readonly onChange: (drafts: CashDrafts) => void;
  readonly expectedSatang: number;
}

/**
 * The count of cash by Thai banknote and coin (issue 10), shared by the day close and the shift
 * close: one row per denomination with its amount, the running total, the expected cash and the
 * variance (announced politely as it changes).
 */
export function CashCountTable({ drafts, onChange, expectedSatang }: CashCountTableProps) {
  const { t } = useI18n();
  const { pieces, countedSatang } = cashCountOf(drafts);
  const varianceSatang = countedSatang - expectedSatang;
  return (
    <div className="cash-count">
      <table className="table cash-count__table" data-testid="cash-count">
        <thead>
          <tr>
            <th scope="col">{t.dayClose.denomination}</th>
            <th scope="col">{t.dayClose.pieces}</th>
            <th scope="col" className="table__number">{t.dayClose.amount}</th>
          </tr>
        </thead>
        <tbody>
          {CASH_DENOMINATIONS.map((d) => {
            const label = denominationLabel(t, d);
            const n = pieces[d.key];
            return (
              <tr key={d.key}>
                <th scope="row">{label}</th>
                <td>
                  <input
                    className="field__input cash-count__input"
                    aria-label={t.dayClose.piecesOf(label)}
                    aria-invalid={Number.isFinite(n) ? undefined : true}
                    inputMode="numeric"
                    maxLength={6}
                    value={drafts[d.key]}
                    onChange={(e) => onChange({ ...drafts, [d.key]: e.target.value })}
                  />
                </td>
                <td className="table__number">{Number.isFinite(n) ? formatSatang(n * d.satang) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="facts cash-count__totals" aria-live="polite">
        <div><dt>{t.dayClose.countedTotal}</dt><dd data-testid="counted-total">{formatSatang(countedSatang)} {t.counter.baht}</dd></div>
        <div><dt>{t.dayClose.expected}</dt><dd>{formatSatang(expectedSatang)} {t.counter.baht}</dd></div>
        <div>
          <dt>{t.dayClose.variance}</dt>
          <dd data-testid="variance" className={varianceSatang === 0 ? 'cash-count__ok' : 'cash-count__off'}>
            {varianceText(t, varianceSatang)}
          </dd>
        </div>
      </dl>
    </div>
  );
}
