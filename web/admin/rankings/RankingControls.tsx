import { useId } from 'hono/jsx'
import type { UnitNode } from '../../../shared/org-tree'
import type { Campaign } from '../../../shared/schemas/campaign'
import { useT } from '../../app/i18n'
import { STATUS_KEYS as CAMPAIGN_STATUS_KEYS } from '../campaigns/labels'
import type { OrgIndex } from '../org/tree-model'
import { CHANNEL_KEYS, LEVEL_KEYS, METHOD_HINT_KEYS, METHOD_KEYS, PERIOD_KEYS } from './labels'
import { CHANNELS, LEVELS, METHODS, PERIODS, type Level, type PeriodPreset, type RankingChoices } from './query'

interface Choice {
  value: string
  label: string
}

interface SelectProps {
  label: string
  value: string
  options: readonly Choice[]
  onChange: (value: string) => void
  disabled?: boolean
  hint?: string | undefined
  class?: string
}

/** A labelled drop-down of the controls, with an optional line under it. */
function ChoiceSelect(props: SelectProps) {
  const id = useId()
  return (
    <div class={`rk-control${props.class ? ` ${props.class}` : ''}`}>
      <label class="rk-control-label" for={id}>
        {props.label}
      </label>
      <select
        id={id}
        class="input select"
        value={props.value}
        disabled={props.disabled}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e: Event) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.hint ? (
        <p class="rk-control-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  )
}

function DateInput({ label, value, min, max, invalid, onChange }: { label: string; value: string; min?: string; max?: string; invalid?: boolean; onChange: (v: string) => void }) {
  const id = useId()
  return (
    <div class="rk-control rk-control-date">
      <label class="rk-control-label" for={id}>
        {label}
      </label>
      <input
        id={id}
        type="date"
        class="input"
        value={value}
        min={min}
        max={max}
        aria-invalid={invalid ? 'true' : undefined}
        onChange={(e: Event) => onChange((e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  )
}

/** The units of a campaign as options, indented under their parents (局 → 公司 → 站点). */
function unitChoices(index: OrgIndex, sectorId: number | null): Choice[] {
  const out: Choice[] = []
  const walk = (node: UnitNode, depth: number) => {
    out.push({ value: String(node.unit.id), label: `${'\u3000'.repeat(depth)}${node.unit.name}` })
    node.children.forEach((c) => walk(c, depth + 1))
  }
  for (const s of index.roots) if (sectorId === null || s.sector.id === sectorId) s.units.forEach((u) => walk(u, 0))
  return out
}

interface ControlsProps {
  campaigns: readonly Campaign[]
  campaign: Campaign
  choices: RankingChoices
  period: PeriodPreset
  /** The campaign's organisation (its windows, their units and sectors); null while loading or when unavailable. */
  org: OrgIndex | null
  rangeInvalid: boolean
  onChange: (patch: Partial<RankingChoices>) => void
  onCampaign: (id: number) => void
}

/** Level tabs, then campaign, period, ranking method and the place filters. */
export function RankingControls({ campaigns, campaign, choices, period, org, rangeInvalid, onChange, onCampaign }: ControlsProps) {
  const t = useT()
  const w = campaign.weights
  const parts = [
    [w.citizenIndex, 'rkWeightCitizens'],
    [w.supervisorMean, 'rkWeightSupervisors'],
    [w.inspectionScore, 'rkWeightInspection'],
  ] as const
  const weights = parts
    .filter(([weight]) => weight > 0)
    .map(([weight, key]) => t(key, { weight }))
    .join(' + ')
  const methodHint = choices.method === 'composite' ? t('rkMethodCompositeHint', { weights }) : t(METHOD_HINT_KEYS[choices.method])

  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
    const at = LEVELS.indexOf(choices.level)
    const next = LEVELS[(at + (e.key === 'ArrowRight' ? 1 : LEVELS.length - 1)) % LEVELS.length]!
    onChange({ level: next })
    document.getElementById(`rk-tab-${next}`)?.focus()
  }
  const sectors = org ? org.roots.map((s) => ({ value: String(s.sector.id), label: s.sector.name })) : []
  const units = org ? unitChoices(org, choices.sectorId) : []
  const staff = choices.level === 'staff'

  return (
    <section class="card rk-controls" aria-label={t('rkControls')}>
      <div class="tabs rk-tabs" role="tablist" aria-label={t('rkLevel')} onKeyDown={onTabKey}>
        {LEVELS.map((level: Level) => (
          <button
            type="button"
            role="tab"
            id={`rk-tab-${level}`}
            class="tab"
            aria-selected={choices.level === level ? 'true' : 'false'}
            aria-controls="rk-results"
            tabindex={choices.level === level ? 0 : -1}
            onClick={() => onChange({ level })}
          >
            {t(LEVEL_KEYS[level])}
          </button>
        ))}
      </div>

      <div class="rk-control-grid">
        <ChoiceSelect
          class="rk-control-campaign"
          label={t('campaign')}
          value={String(campaign.id)}
          options={campaigns.map((c) => ({ value: String(c.id), label: t('rkCampaignOption', { name: c.name, status: t(CAMPAIGN_STATUS_KEYS[c.status]) }) }))}
          onChange={(v) => onCampaign(Number(v))}
        />
        <div class="rk-control rk-control-period" role="group" aria-labelledby="rk-period-label">
          <span class="rk-control-label" id="rk-period-label">
            {t('rkPeriod')}
          </span>
          <div class="segmented rk-segmented">
            {PERIODS.map((p) => (
              <button type="button" class="segmented-item" aria-pressed={period === p ? 'true' : 'false'} onClick={() => onChange({ period: p })}>
                {t(PERIOD_KEYS[p])}
              </button>
            ))}
          </div>
        </div>
        {period === 'custom' ? (
          <div class="rk-control-dates">
            <DateInput label={t('rkFrom')} value={choices.from ?? ''} min={campaign.startsOn} max={campaign.endsOn} onChange={(from) => onChange({ from: from || null })} />
            <span class="rk-dates-dash" aria-hidden="true">
              –
            </span>
            <DateInput label={t('rkTo')} value={choices.to ?? ''} min={choices.from ?? campaign.startsOn} max={campaign.endsOn} invalid={rangeInvalid} onChange={(to) => onChange({ to: to || null })} />
            {rangeInvalid ? (
              <p class="field-error rk-dates-error" role="alert">
                {t('rkRangeInvalid')}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>

      <div class="rk-control-grid rk-control-grid-2">
        <ChoiceSelect
          class="rk-control-method"
          label={t('rkMethod')}
          value={choices.method}
          options={METHODS.map((m) => ({ value: m, label: t(METHOD_KEYS[m]) }))}
          hint={methodHint}
          onChange={(v) => onChange({ method: v as RankingChoices['method'] })}
        />
        {org ? (
          <ChoiceSelect
            label={t('sector')}
            value={choices.sectorId === null ? '' : String(choices.sectorId)}
            options={[{ value: '', label: t('rkAllSectors') }, ...sectors]}
            onChange={(v) => {
              const sectorId = v ? Number(v) : null
              const unitStays = choices.unitId !== null && sectorId !== null && org.units.get(choices.unitId)?.unit.sectorId === sectorId
              onChange({ sectorId, unitId: unitStays ? choices.unitId : null })
            }}
          />
        ) : null}
        {org ? (
          <ChoiceSelect
            label={t('unit')}
            value={choices.unitId === null ? '' : String(choices.unitId)}
            options={[{ value: '', label: t('rkAllUnits') }, ...units]}
            onChange={(v) => {
              const unitId = v ? Number(v) : null
              onChange({ unitId, sectorId: unitId !== null ? (org.units.get(unitId)?.unit.sectorId ?? choices.sectorId) : choices.sectorId })
            }}
          />
        ) : null}
        <ChoiceSelect
          label={t('rkChannel')}
          value={staff || choices.channel === null ? '' : choices.channel}
          options={[{ value: '', label: t('rkAllChannels') }, ...CHANNELS.map((c) => ({ value: c, label: t(CHANNEL_KEYS[c]) }))]}
          disabled={staff}
          hint={staff ? t('rkStaffNoChannel') : undefined}
          onChange={(v) => onChange({ channel: v ? (v as RankingChoices['channel']) : null })}
        />
      </div>
    </section>
  )
}
