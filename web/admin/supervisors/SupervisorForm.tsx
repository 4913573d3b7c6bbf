import { useState } from 'hono/jsx'
import type { Supervisor } from '../../../shared/schemas/supervision'
import { api, call } from '../../app/api'
import { useT } from '../../app/i18n'
import { SelectField, TextField } from '../../ui/Field'
import { FormDialog } from '../../ui/FormDialog'
import { optional, text } from '../../ui/use-submit'
import { DateField } from './fields'
import { BUILT_IN_KINDS, isBuiltInKind, KIND_KEYS, todayLocal } from './labels'

/** The kind select's value for "another kind, typed in". */
const CUSTOM = '__custom'

export type SavedSupervisor = { supervisor: Supervisor; initialPassword?: string }

interface SupervisorFormProps {
  /** The supervisor to change (with the whole phone number); none to appoint a new one. */
  supervisor?: Supervisor
  onSaved: (saved: SavedSupervisor) => void
  onClose: () => void
}

/**
 * Appoint a supervisor (a sign-in with the supervisor role, its first password made by the server) or change one's
 * profile and term. Built-in kinds are offered by name; any other kind can be typed in.
 */
export function SupervisorForm({ supervisor, onSaved, onClose }: SupervisorFormProps) {
  const t = useT()
  const [kind, setKind] = useState<string>(supervisor ? (isBuiltInKind(supervisor.kind) ? supervisor.kind : CUSTOM) : 'npc_deputy')
  const kinds = [...BUILT_IN_KINDS.map((k) => ({ value: k, label: t(KIND_KEYS[k]) })), { value: CUSTOM, label: t('svKindOther') }]

  const save = async (form: FormData): Promise<SavedSupervisor> => {
    // Read from the form, not the state: a submit can come before the dialog has re-rendered after a change.
    const choice = text(form, 'kindChoice')
    const body = {
      displayName: text(form, 'displayName'),
      kind: choice === CUSTOM ? text(form, 'customKind') : choice,
      organisation: optional(form, 'organisation'),
      phone: optional(form, 'phone'),
      letterNo: optional(form, 'letterNo'),
      termStart: text(form, 'termStart'),
      termEnd: text(form, 'termEnd'),
    }
    if (supervisor) return { supervisor: await call(api.supervisors[':id'].$put({ param: { id: String(supervisor.id) }, json: body })) }
    return call(api.supervisors.$post({ json: { ...body, username: text(form, 'username') } }))
  }

  return (
    <FormDialog
      title={supervisor ? t('svEditSupervisorNamed', { name: supervisor.displayName }) : t('svAppoint')}
      submitLabel={supervisor ? t('save') : t('svAppointSubmit')}
      fields={['username', 'displayName', 'kind', 'organisation', 'phone', 'letterNo', 'termStart', 'termEnd']}
      onSubmit={save}
      onDone={onSaved}
      onClose={onClose}
      size="wide"
    >
      {(error) => (
        <>
          <div class="field-row">
            <TextField name="displayName" label={t('displayName')} value={supervisor?.displayName} required maxLength={50} error={error?.field('displayName')} />
            {supervisor ? (
              <div class="field">
                <span class="field-label">{t('username')}</span>
                <p class="field-static">{supervisor.username}</p>
              </div>
            ) : (
              <TextField name="username" label={t('username')} required maxLength={32} hint={t('svUsernameHint')} error={error?.field('username')} />
            )}
          </div>
          <div class="field-row">
            <SelectField name="kindChoice" label={t('svKind')} value={kind} options={kinds} required onChange={setKind} error={kind === CUSTOM ? undefined : error?.field('kind')} />
            <TextField name="letterNo" label={t('svLetterNo')} value={supervisor?.letterNo} maxLength={40} hint={t('svLetterNoHint')} error={error?.field('letterNo')} />
          </div>
          {kind === CUSTOM ? (
            <TextField name="customKind" label={t('svCustomKind')} value={supervisor && !isBuiltInKind(supervisor.kind) ? supervisor.kind : ''} required maxLength={30} hint={t('svCustomKindHint')} error={error?.field('kind')} />
          ) : null}
          <div class="field-row">
            <TextField name="organisation" label={t('svOrganisation')} value={supervisor?.organisation} maxLength={100} hint={t('svOrganisationHint')} error={error?.field('organisation')} />
            <TextField name="phone" label={t('svPhone')} type="tel" value={supervisor?.phone} maxLength={11} autoComplete="off" hint={t('svPhoneHint')} error={error?.field('phone')} />
          </div>
          <div class="field-row">
            <DateField name="termStart" label={t('svTermStart')} value={supervisor?.termStart ?? todayLocal()} required error={error?.field('termStart')} />
            <DateField name="termEnd" label={t('svTermEnd')} value={supervisor?.termEnd} required hint={t('svTermEndHint')} error={error?.field('termEnd')} />
          </div>
          {supervisor ? null : <p class="field-hint sv-form-note">{t('svAppointNote')}</p>}
        </>
      )}
    </FormDialog>
  )
}
