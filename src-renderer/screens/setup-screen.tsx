import { useRef, useState, type FormEvent } from 'react';
import type { EbillApi, ReplyError } from '../../src-shared/contract';
import { provinceOfPlace } from '../../src-shared/domain/provinces';
import type { AppInfo } from '../app/app-info';
import { useCapsLock } from '../app/use-caps-lock';
import { focusFirstInvalid, useForm } from '../app/use-form';
import { ErrorRegion } from '../components/error-notice';
import { ScreenFrame } from '../components/screen-frame';
import { SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';
import { looksTypedInThaiLayout } from '../forms/keyboard-layout';
import { compactDigits } from '../forms/normalise';
import { checkSetup, EMPTY_SETUP, type SetupField } from '../forms/setup-form';
import { useI18n } from '../i18n/i18n-context';
import { fieldProblemMessage } from '../i18n/messages';

const TERMINAL_SLOTS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((slot) => ({ value: slot, label: slot }));

export interface SetupScreenProps {
  readonly info: AppInfo | null;
  readonly request: EbillApi['request'];
  readonly onSetUp: () => void;
}

/** ตั้งค่าเครื่องครั้งแรก: office, this terminal, training mode, the first administrator. */
export function SetupScreen({ info, request, onSetUp }: SetupScreenProps) {
  const { t } = useI18n();
  const form = useForm(EMPTY_SETUP, checkSetup);
  const { values, set, touch, problemOf } = form;
  const [serverError, setServerError] = useState<ReplyError | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const { isCapsLockOn, capsLockHandlers } = useCapsLock();
  const formRef = useRef<HTMLFormElement>(null);

  const textProps = (field: Exclude<SetupField, 'terminalSlot'>) => {
    const problem = problemOf(field);
    return {
      name: field,
      label: t.fields[field].label,
      hint: t.fields[field].hint,
      error: problem === undefined ? null : fieldProblemMessage(t, field, problem),
      value: values[field],
      onChange: (event: { target: { value: string } }) => set(field, event.target.value),
      onBlur: () => touch(field),
    };
  };
  const digitsProps = (field: 'place' | 'costCentre' | 'billerId' | 'companyCode', maxDigits: number) => ({
    ...textProps(field),
    inputMode: 'numeric' as const,
    autoComplete: 'off',
    // Room for the spaces and dashes people paste; they are dropped before checking.
    maxLength: maxDigits + 6,
  });
  const passwordWarning = (value: string): string | null =>
    isCapsLockOn ? t.keyboard.capsLock : looksTypedInThaiLayout(value) ? t.keyboard.thaiLayout : null;

  const onPlaceChange = (place: string): void => {
    const previousGuess = provinceOfPlace(compactDigits(values.place));
    const guess = provinceOfPlace(compactDigits(place));
    set('place', place);
    // Fill the province from the place code unless the person typed one of their own.
    if (guess !== null && (values.province === '' || values.province === previousGuess)) set('province', guess);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    form.submit();
    setServerError(null);
    if (!form.result.ok) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setIsSaving(true);
    const reply = await request('setup.init', form.result.value);
    setIsSaving(false);
    if (reply.ok) onSetUp();
    else setServerError(reply.error);
  };

  const hasFieldErrors = form.isSubmitted && !form.result.ok;
  return (
    <ScreenFrame title={t.setup.title} info={info} className="screen--setup">
      <form ref={formRef} className="setup" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="screen__heading">
          <h1 className="screen__title">{t.setup.title}</h1>
          <p className="screen__intro">{t.setup.intro}</p>
        </div>
        <div className="setup__columns">
          <fieldset className="panel setup__office">
            <legend className="panel__legend">{t.setup.officeSection}</legend>
            <div className="form-row">
              <TextField {...digitsProps('place', 4)} onChange={(event) => onPlaceChange(event.target.value)} isRequired autoFocus className="field--short" />
              <TextField {...textProps('officeName')} isRequired maxLength={200} lang="th" className="field--grow" />
            </div>
            <div className="form-row">
              <TextField {...textProps('province')} isRequired maxLength={100} lang="th" className="field--grow" />
              <SelectField
                name="terminalSlot"
                label={t.fields.terminalSlot.label}
                hint={t.fields.terminalSlot.hint}
                options={TERMINAL_SLOTS}
                value={String(values.terminalSlot)}
                onChange={(event) => set('terminalSlot', Number(event.target.value))}
                isRequired
                className="field--grow"
              />
            </div>
            <div className="form-row">
              <TextField {...digitsProps('costCentre', 10)} isRequired className="field--grow" />
              <TextField {...digitsProps('billerId', 15)} isRequired className="field--grow" />
              <TextField {...digitsProps('companyCode', 10)} className="field--grow" />
            </div>
            <div className={`training-choice${values.isTraining ? ' training-choice--on' : ''}`}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  name="isTraining"
                  checked={values.isTraining}
                  onChange={(event) => set('isTraining', event.target.checked)}
                  aria-describedby="training-warning"
                />
                <span>{t.setup.trainingLabel}</span>
              </label>
              <p id="training-warning" className="training-choice__warning">
                {t.setup.trainingWarning}
              </p>
            </div>
          </fieldset>
          <fieldset className="panel setup__admin">
            <legend className="panel__legend">{t.setup.adminSection}</legend>
            <p className="panel__text">{t.setup.adminIntro}</p>
            <TextField
              {...textProps('username')}
              isRequired
              maxLength={32}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              warning={looksTypedInThaiLayout(values.username) ? t.keyboard.thaiLayout : null}
            />
            <TextField {...textProps('fullNameTh')} isRequired maxLength={100} lang="th" />
            <TextField {...textProps('positionTh')} isRequired maxLength={100} lang="th" />
            <div className="form-row">
              <TextField
                {...textProps('password')}
                type="password"
                isRequired
                maxLength={128}
                autoComplete="new-password"
                warning={passwordWarning(values.password)}
                className="field--grow"
                {...capsLockHandlers}
              />
              <TextField
                {...textProps('passwordConfirm')}
                type="password"
                isRequired
                maxLength={128}
                autoComplete="new-password"
                className="field--grow"
                {...capsLockHandlers}
              />
            </div>
          </fieldset>
        </div>
        <div className="form-actions">
          <div className="form-actions__messages">
            <div role="alert" aria-live="assertive">
              {hasFieldErrors && <p className="notice notice--error">{t.setup.fixFields}</p>}
            </div>
            <ErrorRegion error={serverError} />
          </div>
          <button type="submit" className="button button--primary button--large" disabled={isSaving}>
            {isSaving ? t.setup.submitting : t.setup.submit}
          </button>
        </div>
      </form>
    </ScreenFrame>
  );
}

