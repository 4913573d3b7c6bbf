import { useEffect, useState } from 'hono/jsx'
import type { Locale } from '../../../shared/i18n/locale'
import { percent } from '../../../shared/scoring/format'
import type { PublicPublication } from '../../../shared/schemas/publication'
import { loadDetail, loadList } from '../api'
import { Message } from '../components/Message'
import { RateChart } from '../components/RateChart'
import { TrendTable } from '../components/TrendTable'
import { count, localDay } from '../format'
import type { Translate } from '../i18n'
import { detailHref } from '../route'
import { useLoad } from '../use-load'

interface Props {
  t: Translate
  locale: Locale
}

/** A period as an axis label: "2026-10" for a calendar month, else "09-24–09-30". */
export function periodLabel(from: string, to: string) {
  const lastDay = new Date(Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)), 0)).getUTCDate()
  if (from.endsWith('-01') && to === `${from.slice(0, 8)}${String(lastDay).padStart(2, '0')}`) return from.slice(0, 7)
  return `${from.slice(5)}–${to.slice(5)}`
}

/** Publications of one campaign, oldest first (the API lists newest first). */
function byCampaign(items: readonly PublicPublication[]): { name: string; periods: PublicPublication[] }[] {
  const groups = new Map<string, PublicPublication[]>()
  for (const p of items) groups.set(p.campaignName, [p, ...(groups.get(p.campaignName) ?? [])])
  return [...groups].map(([name, periods]) => ({ name, periods }))
}

/** The trend of one campaign's published periods, against the target of its newest publication. */
function PeriodsTrend({ t, locale, name, periods }: Props & { name: string; periods: PublicPublication[] }) {
  // The list carries no target: the newest period's snapshot has it (one small request per campaign).
  const [target, setTarget] = useState<number | null>(null)
  const newest = periods[periods.length - 1]!
  useEffect(() => {
    void loadDetail(newest.id, locale).then((loaded) => {
      if (loaded.ok) setTarget(loaded.data.content.target)
    })
  }, [newest.id])
  const id = `periods-${periods[0]!.id}`
  const points = periods.map((p) => ({ label: periodLabel(p.from, p.to), value: p.overall.rate }))
  return (
    <section class="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('trendPeriods')}</h2>
      <p class="muted">{name}</p>
      {target !== null ? <p class="lead">{t('trendPeriodsIntro', { target: percent(target) })}</p> : null}
      <RateChart id={id} title={t('chartLabel', { title: `${t('trendPeriods')} · ${name}` })} points={points} target={target} valueLabels />
      <TrendTable
        t={t}
        locale={locale}
        id={`${id}-table`}
        caption={`${t('trendPeriods')} · ${name}`}
        firstColumn={t('colPeriod')}
        rows={periods.map((p) => ({ label: t('periodRange', { from: p.from, to: p.to }), n: p.overall.n, rate: p.overall.rate, below: target !== null && p.overall.rate !== null && p.overall.rate < target }))}
      />
    </section>
  )
}

/** /results: every live publication, newest period first, and the trend across them. */
export function ListPage({ t, locale }: Props) {
  const [list, retry] = useLoad(() => loadList(locale))
  useEffect(() => {
    document.title = `${t('listTitle')} · ${t('brand')}`
  }, [locale])
  if (list.state === 'loading')
    return (
      <p class="loading" role="status">
        {t('loading')}
      </p>
    )
  if (list.state !== 'ready') return <Message t={t} kind="loadFailed" onRetry={retry} />
  const items = list.data
  const campaigns = byCampaign(items).filter((c) => c.periods.length > 1)
  return (
    <>
      <header class="page-head">
        <h1>{t('listTitle')}</h1>
        <p class="lead">{t('listIntro')}</p>
      </header>
      {items.length === 0 ? (
        <section class="empty panel">
          <h2>{t('empty')}</h2>
          <p>{t('emptyText')}</p>
        </section>
      ) : (
        <>
          <section class="panel" aria-labelledby="published-h">
            <h2 id="published-h">{t('publishedList')}</h2>
            <ul class="publications">
              {items.map((p) => (
                <li key={p.id} class="publication">
                  <h3>
                    <a href={detailHref(p.id)}>{p.title}</a>
                  </h3>
                  <dl class="meta">
                    <div>
                      <dt>{t('period')}</dt>
                      <dd>{t('periodRange', { from: p.from, to: p.to })}</dd>
                    </div>
                    <div>
                      <dt>{t('satisfaction')}</dt>
                      <dd>
                        <strong class="rate-value">{percent(p.overall.rate)}</strong> <span class="muted">{t('sampleN', { n: count(p.overall.n, locale) })}</span>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('publishedOn')}</dt>
                      <dd>{localDay(p.publishedAt)}</dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
          </section>
          {campaigns.map((c) => (
            <PeriodsTrend key={c.name} t={t} locale={locale} name={c.name} periods={c.periods} />
          ))}
        </>
      )}
    </>
  )
}
