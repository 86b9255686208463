import { useRef, useState, type FormEvent } from 'react';
import type { EbillApi, ReplyError, UserSummary } from '../../../src-shared/contract';
import { ROLES, isRole } from '../../../src-shared/domain/roles';
import { useCapsLock } from '../../app/use-caps-lock';
import { focusFirstInvalid, useForm } from '../../app/use-form';
import { ErrorRegion } from '../../components/error-notice';
import { ModalDialog } from '../../components/modal-dialog';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { looksTypedInThaiLayout } from '../../forms/keyboard-layout';
import { checkNewUser, EMPTY_USER, type UserField } from '../../forms/user-form';
import { useI18n } from '../../i18n/i18n-context';
import { fieldProblemMessage, roleLabel } from '../../i18n/messages';

export interface AddUserDialogProps {
  readonly request: EbillApi['request'];
  readonly onClose: () => void;
  readonly onAdded: (user: UserSummary) => void;
}

/** เพิ่มผู้ใช้งาน (administrator only): the same checks as main, shown while typing. */
export function AddUserDialog({ request, onClose, onAdded }: AddUserDialogProps) {
  const { t, language } = useI18n();
  const form = useForm(EMPTY_USER, checkNewUser);
  const { values, set, touch, problemOf } = form;
  const [serverError, setServerError] = useState<ReplyError | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const { isCapsLockOn, capsLockHandlers } = useCapsLock();
  const formRef = useRef<HTMLFormElement>(null);

  const errorText = (field: UserField): string | null => {
    const problem = problemOf(field);
    return problem === undefined ? null : fieldProblemMessage(t, field, problem);
  };
  const textProps = (field: Exclude<UserField, 'role'>) => ({
    name: field,
    label: t.fields[field].label,
    hint: t.fields[field].hint,
    error: errorText(field),
    value: values[field],
    onChange: (event: { target: { value: string } }) => set(field, event.target.value),
    onBlur: () => touch(field),
    isRequired: true,
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    form.submit();
    setServerError(null);
    if (!form.result.ok) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setIsSaving(true);
    const reply = await request('user.add', form.result.value);
    setIsSaving(false);
    if (reply.ok) onAdded(reply.value.user);
    else setServerError(reply.error);
  };

  return (
    <ModalDialog title={t.users.add.heading} onClose={onClose} isBusy={isSaving}>
      <form ref={formRef} className="add-user" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="form-row">
          <TextField
            {...textProps('username')}
            maxLength={32}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            warning={looksTypedInThaiLayout(values.username) ? t.keyboard.thaiLayout : null}
            className="field--grow"
          />
          <SelectField
            name="role"
            label={t.fields.role.label}
            hint={t.fields.role.hint}
            error={errorText('role')}
            placeholder={t.users.add.chooseRole}
            options={ROLES.map((role) => ({ value: role, label: roleLabel(role, language) }))}
            value={values.role}
            onChange={(event) => set('role', isRole(event.target.value) ? event.target.value : '')}
            onBlur={() => touch('role')}
            isRequired
            className="field--grow"
          />
        </div>
        <div className="form-row">
          <TextField {...textProps('fullNameTh')} maxLength={100} lang="th" className="field--grow" />
          <TextField {...textProps('positionTh')} maxLength={100} lang="th" className="field--grow" />
        </div>
        <div className="form-row">
          <TextField
            {...textProps('password')}
            type="password"
            maxLength={128}
            autoComplete="new-password"
            warning={isCapsLockOn ? t.keyboard.capsLock : looksTypedInThaiLayout(values.password) ? t.keyboard.thaiLayout : null}
            className="field--grow"
            {...capsLockHandlers}
          />
          <TextField {...textProps('passwordConfirm')} type="password" maxLength={128} autoComplete="new-password" className="field--grow" {...capsLockHandlers} />
        </div>
        <ErrorRegion error={serverError} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={isSaving}>
            {t.users.disableDialog.cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={isSaving}>
            {isSaving ? t.users.add.submitting : t.users.add.submit}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
