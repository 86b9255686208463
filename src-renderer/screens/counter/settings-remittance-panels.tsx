import { useEffect, useState, type FormEvent } from 'react';
import type { EbillApi, ReplyError, RequestOutput, UserSummary } from '../../../src-shared/contract';
import { mayCall } from '../../app/permissions';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { basisPointsToPercent, percentToBasisPoints } from '../../forms/percent';
import { useI18n } from '../../i18n/i18n-context';
import type { Dict } from '../../i18n/th';
import type { Phrase } from './phrase';

type OfficeKind = RequestOutput<'office.kind'>['kind'];
const KINDS: readonly OfficeKind[] = ['district', 'provincial'];

/**
 * ประเภทสำนักงาน (office.kind / office.setKind): a district or a provincial office, and in Thai what
 * that changes — bill payments land in the province's KTB account, so the provincial office remits
 * them for the whole province. Everyone reads it; the administrator changes it.
 */
export function OfficeKindPanel({ user, request }: { readonly user: UserSummary; readonly request: EbillApi['request'] }) {
  const { t } = useI18n();
  const words = t.settingsUi.officeKind;
  const mayEdit = mayCall(user.role, 'office.setKind');
  const [kind, setKind] = useState<OfficeKind | null>(null);
  const [chosen, setChosen] = useState<OfficeKind | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [status, setStatus] = useState<Phrase | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  useEffect(() => {
    void (async () => {
      const reply = await request('office.kind', {});
      if (reply.ok) {
        setKind(reply.value.kind);
        setChosen(reply.value.kind);
      } else setError(reply.error);
    })();
  }, [request]);

  const save = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (chosen === null) return;
    if (chosen === kind) {
      setStatus(() => (d: Dict) => d.settingsUi.office.nothingChanged);
      return;
    }
    setIsSaving(true);
    setError(null);
    const reply = await request('office.setKind', { kind: chosen });
    setIsSaving(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    const saved = reply.value.kind;
    setKind(saved);
    setStatus(() => (d: Dict) => d.settingsUi.officeKind.saved(d.settingsUi.officeKind.kinds[saved]));
  };

  return (
    <section className="panel" aria-labelledby="office-kind-title" data-testid="office-kind">
      <h2 id="office-kind-title" className="section-title">
        {words.heading}
      </h2>
      <StatusRegion text={status?.(t) ?? null} />
      <ErrorRegion error={error} />
      {kind !== null && (
        <p className="panel__text" data-testid="office-kind-current">
          <strong>{words.current(words.kinds[kind])}</strong>
        </p>
      )}
      <p className="panel__text">{words.why}</p>
      <ul className="plain-list">
        <li>{words.districtMeans}</li>
        <li>{words.provincialMeans}</li>
      </ul>
      {kind !== null && mayEdit && (
        <form className="dialog__form" onSubmit={(e) => void save(e)} aria-busy={isSaving}>
          <fieldset className="radio-group">
            <legend className="field__label">{words.choose}</legend>
            {KINDS.map((option) => (
              <label key={option} className="radio">
                <input type="radio" name="office-kind" value={option} checked={chosen === option} onChange={() => setChosen(option)} />
                {words.kinds[option]}
              </label>
            ))}
          </fieldset>
          <div className="form-actions form-actions--start">
            <button type="submit" className="button button--primary" disabled={isSaving}>
              {words.save}
            </button>
          </div>
        </form>
      )}
      {!mayEdit && <p className="panel__text">{t.settingsUi.office.viewOnly}</p>}
    </section>
  );
}

type FineLaw = RequestOutput<'catalog.list'>['fineLaws'][number];

/**
 * อัตราหักก่อนนำส่ง: the administrator sets a group-1.1 law's reward and cost shares
 * (remittance.setRate, a ledger entry in main; the newest is in force). Percentages are read by
 * their digits into basis points; a bad one is refused here and nothing is sent.
 */
export function DeductionRatesForm({ fineLaws, request, onSaved }: { readonly fineLaws: readonly FineLaw[]; readonly request: EbillApi['request']; readonly onSaved: () => void }) {
  const { t, language } = useI18n();
  const words = t.settingsUi.rates;
  const deductible = fineLaws.filter((law) => law.group === '1.1');
  const [revenueCode, setRevenueCode] = useState('');
  const [reward, setReward] = useState('');
  const [cost, setCost] = useState('');
  const [problems, setProblems] = useState<{ law: boolean; reward: boolean; cost: boolean; total: boolean } | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [status, setStatus] = useState<Phrase | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const choose = (code: string): void => {
    setRevenueCode(code);
    const law = deductible.find((l) => l.revenueCode === code);
    setReward(law === undefined ? '' : basisPointsToPercent(law.rewardBasisPoints));
    setCost(law === undefined ? '' : basisPointsToPercent(law.costBasisPoints));
    setProblems(null);
  };

  const save = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setStatus(null);
    const rewardBasisPoints = percentToBasisPoints(reward);
    const costBasisPoints = percentToBasisPoints(cost);
    const found = { law: revenueCode === '', reward: rewardBasisPoints === null, cost: costBasisPoints === null, total: false };
    if (rewardBasisPoints !== null && costBasisPoints !== null) found.total = rewardBasisPoints + costBasisPoints > 10_000;
    if (found.law || found.reward || found.cost || found.total || rewardBasisPoints === null || costBasisPoints === null) {
      setProblems(found);
      return;
    }
    setProblems(null);
    setIsSaving(true);
    setError(null);
    const reply = await request('remittance.setRate', { revenueCode, rewardBasisPoints, costBasisPoints });
    setIsSaving(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    const saved = reply.value;
    setStatus(() => (d: Dict) => d.settingsUi.rates.saved(saved.revenueCode, basisPointsToPercent(saved.rewardBasisPoints), basisPointsToPercent(saved.costBasisPoints)));
    onSaved();
  };

  return (
    <form className="dialog__form rates-form" onSubmit={(e) => void save(e)} aria-busy={isSaving} aria-labelledby="rates-title" noValidate data-testid="rates-form">
      <h3 id="rates-title" className="subsection-title">
        {words.heading}
      </h3>
      <p className="panel__text">{words.intro}</p>
      <StatusRegion text={status?.(t) ?? null} />
      <ErrorRegion error={error} />
      <SelectField
        label={words.law}
        value={revenueCode}
        placeholder={words.chooseLaw}
        options={deductible.map((law) => ({ value: law.revenueCode, label: `${law.revenueCode} ${language === 'th' ? law.lawNameTh : law.lawNameEn}` }))}
        onChange={(e) => choose(e.target.value)}
        error={problems?.law === true ? words.chooseLaw : null}
        isRequired
      />
      <div className="form-row">
        <TextField label={words.reward} hint={words.hint} value={reward} onChange={(e) => setReward(e.target.value)} inputMode="decimal" autoComplete="off" error={problems?.reward === true ? words.badPercent : null} isRequired />
        <TextField label={words.cost} value={cost} onChange={(e) => setCost(e.target.value)} inputMode="decimal" autoComplete="off" error={problems?.cost === true ? words.badPercent : problems?.total === true ? words.overHundred : null} isRequired />
      </div>
      <div className="form-actions form-actions--start">
        <button type="submit" className="button button--primary" disabled={isSaving}>
          {words.save}
        </button>
      </div>
    </form>
  );
}
