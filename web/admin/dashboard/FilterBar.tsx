import { useId } from 'hono/jsx'
import type { UnitNode } from '../../../shared/org-tree'
import type { Campaign } from '../../../shared/schemas/campaign'
import { useT } from '../../app/i18n'
import { STATUS_KEYS as CAMPAIGN_STATUS_KEYS } from '../campaigns/labels'
import type { OrgIndex } from '../org/tree-model'
import { CHANNELS, GRAINS, PERIODS, type DashboardFilters, type PeriodPreset, type Respondents } from './filters'
import { channelLabel, GRAIN_KEYS, PERIOD_KEYS, RESPONDENT_KEYS } from './labels'

interface Choice {
  value: string
  label: string
  group?: string
}

interface SelectProps {
  label: string
  value: string
  options: readonly Choice[]
  onChange: (value: string) => void
  disabled?: boolean
  class?: string
}

/** A labelled drop-down of the filter bar; options with a group are shown under it. */
function FilterSelect(props: SelectProps) {
  const id = useId()
  const groups = [...new Set(props.options.map((o) => o.group ?? ''))]
  const option = (o: Choice) => (
    <option value={o.value} selected={o.value === props.value}>
      {o.label}
    </option>
  )
  return (
    <span class={`dash-filter${props.class ? ` ${props.class}` : ''}`}>
      <label for={id}>{props.label}</label>
      <select id={id} class="input select" value={props.value} disabled={props.disabled} onChange={(e: Event) => props.onChange((e.currentTarget as HTMLSelectElement).value)}>
        {groups.map((g) =>
          g === '' ? (
            props.options.filter((o) => !o.group).map(option)
          ) : (
            <optgroup label={g}>{props.options.filter((o) => o.group === g).map(option)}</optgroup>
          ),
        )}
      </select>
    </span>
  )
}

function DateInput({ label, value, min, onChange, invalid }: { label: string; value: string; min?: string; onChange: (v: string) => void; invalid?: boolean }) {
  const id = useId()
  return (
    <span class="dash-filter dash-filter-date">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="date"
        class="input"
        value={value}
        min={min}
        aria-invalid={invalid ? 'true' : undefined}
        onChange={(e: Event) => onChange((e.currentTarget as HTMLInputElement).value)}
      />
    </span>
  )
}

/** Units of a subtree, depth first, with their depth (for indenting). */
function flatten(nodes: readonly UnitNode[], depth = 0): { node: UnitNode; depth: number }[] {
  return nodes.flatMap((n) => [{ node: n, depth }, ...flatten(n.children, depth + 1)])
}
const windowsOf = (node: UnitNode): UnitNode['windows'] => [...node.windows, ...node.children.flatMap(windowsOf)]

interface FilterBarProps {
  filters: DashboardFilters
  /** The period in force when the address names none. */
  period: PeriodPreset
  campaigns: readonly Campaign[]
  org: OrgIndex | null
  onChange: (patch: Partial<DashboardFilters>) => void
  /** The window page has no place pickers (the window is the place). */
  places?: boolean
  rangeInvalid?: boolean
}

/** Campaign, period and trend granularity, sector → unit → window, channel and whose figures. */
export function FilterBar({ filters: f, period, campaigns, org, onChange, places = true, rangeInvalid }: FilterBarProps) {
  const t = useT()
  const grainId = useId()
  const whoId = useId()
  const all = (label: string): Choice => ({ value: '', label })

  const sectors = org?.roots ?? []
  const sectorNode = f.sectorId !== null ? org?.sectors.get(f.sectorId) : undefined
  const unitRoots = sectorNode ? sectorNode.units : sectors.flatMap((s) => s.units)
  const unitChoices: Choice[] = flatten(unitRoots).map(({ node, depth }) => ({
    value: String(node.unit.id),
    label: `${'\u3000'.repeat(depth)}${node.unit.name}`,
    ...(sectorNode || sectors.length <= 1 ? {} : { group: sectors.find((s) => s.sector.id === node.unit.sectorId)?.sector.name ?? '' }),
  }))
  const unitNode = f.unitId !== null ? org?.units.get(f.unitId) : undefined
  const windowChoices: Choice[] = unitNode ? windowsOf(unitNode).map((w) => ({ value: String(w.id), label: `${w.code} ${w.name}` })) : []
  // A window chosen through the address whose unit is not chosen (or out of view) still shows its name.
  if (f.windowId !== null && !windowChoices.some((c) => c.value === String(f.windowId))) {
    const w = org?.windows.get(f.windowId)
    windowChoices.push({ value: String(f.windowId), label: w ? `${w.code} ${w.name}` : `#${f.windowId}` })
  }

  const pickUnit = (v: string) => {
    if (!v) return onChange({ unitId: null, windowId: null })
    const node = org?.units.get(Number(v))
    onChange({ unitId: Number(v), windowId: null, sectorId: node?.unit.sectorId ?? f.sectorId })
  }
  const pickPeriod = (v: string) => {
    const p = v as PeriodPreset
    onChange({ period: p, from: null, to: null, grain: p === 'campaign' || p === 'custom' ? f.grain : f.grain === 'month' ? 'day' : f.grain })
  }

  return (
    <section class="card dash-filters" aria-label={t('dashFilters')}>
      <div class="dash-filter-row">
        <FilterSelect
          class="dash-filter-campaign"
          label={t('campaign')}
          value={f.campaignId === null ? '' : String(f.campaignId)}
          options={campaigns.map((c) => ({ value: String(c.id), label: `${c.name}（${t(CAMPAIGN_STATUS_KEYS[c.status])}）` }))}
          onChange={(v) => onChange({ campaignId: Number(v) })}
        />
        <FilterSelect label={t('dashPeriod')} value={period} options={PERIODS.map((p) => ({ value: p, label: t(PERIOD_KEYS[p]) }))} onChange={pickPeriod} />
        {period === 'custom' ? (
          <>
            <DateInput label={t('dashFrom')} value={f.from ?? ''} onChange={(v) => onChange({ from: v || null })} invalid={rangeInvalid} />
            <DateInput label={t('dashTo')} value={f.to ?? ''} min={f.from ?? undefined} onChange={(v) => onChange({ to: v || null })} invalid={rangeInvalid} />
          </>
        ) : null}
        <span class="dash-filter">
          <span class="dash-filter-label" id={grainId}>
            {t('dashGrain')}
          </span>
          <span class="segmented dash-segmented" role="group" aria-labelledby={grainId}>
            {GRAINS.map((g) => (
              <button type="button" class="segmented-item" aria-pressed={f.grain === g ? 'true' : 'false'} onClick={() => onChange({ grain: g })}>
                {t(GRAIN_KEYS[g])}
              </button>
            ))}
          </span>
        </span>
      </div>
      {rangeInvalid ? (
        <p class="field-error dash-filter-error" role="alert">
          {t('dashRangeInvalid')}
        </p>
      ) : null}
      <div class="dash-filter-row">
        {places ? (
          <>
            {sectors.length > 1 || f.sectorId !== null ? (
              <FilterSelect
                label={t('sector')}
                value={f.sectorId === null ? '' : String(f.sectorId)}
                options={[all(t('dashAllSectors')), ...sectors.map((s) => ({ value: String(s.sector.id), label: s.sector.name }))]}
                onChange={(v) => onChange({ sectorId: v ? Number(v) : null, unitId: null, windowId: null })}
              />
            ) : null}
            <FilterSelect class="dash-filter-unit" label={t('unit')} value={f.unitId === null ? '' : String(f.unitId)} options={[all(t('dashAllUnits')), ...unitChoices]} onChange={pickUnit} />
            <FilterSelect
              class="dash-filter-window"
              label={t('window')}
              value={f.windowId === null ? '' : String(f.windowId)}
              options={[all(unitNode || f.windowId !== null ? t('dashAllWindows') : t('dashPickUnitFirst')), ...windowChoices]}
              disabled={!unitNode && f.windowId === null}
              onChange={(v) => onChange({ windowId: v ? Number(v) : null })}
            />
          </>
        ) : null}
        <FilterSelect
          label={t('dashChannel')}
          value={f.channel ?? ''}
          options={[all(t('dashAllChannels')), ...CHANNELS.map((c) => ({ value: c, label: channelLabel(c, t) }))]}
          onChange={(v) => onChange({ channel: v ? (v as DashboardFilters['channel']) : null })}
        />
        <span class="dash-filter">
          <span class="dash-filter-label" id={whoId}>
            {t('dashWho')}
          </span>
          <span class="segmented dash-segmented" role="group" aria-labelledby={whoId}>
            {(['all', 'citizens', 'supervisors'] as const satisfies readonly Respondents[]).map((r) => (
              <button type="button" class="segmented-item" aria-pressed={f.respondents === r ? 'true' : 'false'} onClick={() => onChange({ respondents: r })}>
                {t(RESPONDENT_KEYS[r])}
              </button>
            ))}
          </span>
        </span>
      </div>
    </section>
  )
}
