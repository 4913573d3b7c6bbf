import { useEffect } from 'hono/jsx'
import type { Locale } from '../../../shared/i18n/locale'
import { percent } from '../../../shared/scoring/format'
import type { PublicPublicationDetail } from '../../../shared/schemas/publication'
import { Headline } from '../components/Headline'
import { RankingTable } from '../components/RankingTable'
import { RateChart } from '../components/RateChart'
import { Tabs, type Tab } from '../components/Tabs'
import { TrendTable } from '../components/TrendTable'
import { Verify } from '../components/Verify'
import { WindowCards } from '../components/WindowCards'
import { localDay, shortDay } from '../format'
import type { Translate } from '../i18n'
import { listHref, printHref } from '../route'

interface Props {
  t: Translate
  locale: Locale
  publication: PublicPublicationDetail
}

/** Title, campaign, period and publishing date, shared by the page and the printed report. */
export function PublicationMeta({ t, publication }: { t: Translate; publication: PublicPublicationDetail }) {
  return (
    <dl class="meta">
      <div>
        <dt>{t('campaign')}</dt>
        <dd>{publication.campaignName}</dd>
      </div>
      <div>
        <dt>{t('period')}</dt>
        <dd>{t('periodRange', { from: publication.from, to: publication.to })}</dd>
      </div>
      <div>
        <dt>{t('publishedOn')}</dt>
        <dd>{localDay(publication.publishedAt)}</dd>
      </div>
    </dl>
  )
}

/** The daily trend's points and table rows. */
export function dailyTrend(content: PublicPublicationDetail['content']) {
  return {
    points: content.trend.map((d) => ({ label: shortDay(d.day), value: d.rate })),
    rows: content.trend.map((d) => ({ label: d.day, n: d.n, rate: d.rate, below: d.rate !== null && d.rate < content.target })),
  }
}

/** /results/<id>: one published period for the public and the press. */
export function DetailPage({ t, locale, publication }: Props) {
  const { content } = publication
  useEffect(() => {
    document.title = `${publication.title} · ${t('brand')}`
  }, [locale])
  const trend = dailyTrend(content)
  const levels: Tab[] = [
    { key: 'window', label: t('levelWindow'), panel: () => <RankingTable t={t} locale={locale} id="rank-window" caption={t('rankingCaption', { level: t('levelWindow') })} level="window" items={content.rankings.window} /> },
    { key: 'unit', label: t('levelUnit'), panel: () => <RankingTable t={t} locale={locale} id="rank-unit" caption={t('rankingCaption', { level: t('levelUnit') })} level="unit" items={content.rankings.unit} /> },
    { key: 'sector', label: t('levelSector'), panel: () => <RankingTable t={t} locale={locale} id="rank-sector" caption={t('rankingCaption', { level: t('levelSector') })} level="sector" items={content.rankings.sector} /> },
  ]
  const staff = content.rankings.staff
  if (staff) levels.push({ key: 'staff', label: t('levelStaff'), panel: () => <RankingTable t={t} locale={locale} id="rank-staff" caption={t('rankingCaption', { level: t('levelStaff') })} level="staff" items={staff} /> })
  return (
    <>
      <nav class="crumbs no-print" aria-label={t('section')}>
        <a href={listHref()}>← {t('backToList')}</a>
      </nav>
      <header class="page-head">
        <h1>{publication.title}</h1>
        <PublicationMeta t={t} publication={publication} />
        <p class="no-print">
          <a class="button button-quiet" href={printHref(publication.id)}>
            {t('printVersion')}
          </a>
        </p>
      </header>

      <section class="panel" aria-labelledby="headline-h">
        <h2 id="headline-h">{t('headline')}</h2>
        <Headline t={t} locale={locale} content={content} />
      </section>

      <div class="two">
        <section class="panel" aria-labelledby="top-h">
          <h2 id="top-h">{t('topTen')}</h2>
          {content.topTen.length ? (
            <>
              <p class="lead">{t('topTenIntro')}</p>
              <WindowCards t={t} locale={locale} items={content.topTen} />
            </>
          ) : (
            <p class="muted">{t('topTenEmpty')}</p>
          )}
        </section>
        <section class="panel" aria-labelledby="below-h">
          <h2 id="below-h">{t('belowTarget')}</h2>
          {content.belowTarget.length ? (
            <>
              <p class="lead">{t('belowTargetIntro', { target: percent(content.target) })}</p>
              <WindowCards t={t} locale={locale} items={content.belowTarget} showAttainment />
            </>
          ) : (
            <p class="muted">{t('belowTargetEmpty')}</p>
          )}
        </section>
      </div>

      <section class="panel" aria-labelledby="rankings-h">
        <h2 id="rankings-h">{t('rankings')}</h2>
        <p class="lead">{t('rankingsIntro', { min: content.minSample })}</p>
        <Tabs id="levels" label={t('rankings')} tabs={levels} />
      </section>

      <section class="panel" aria-labelledby="trend-h">
        <h2 id="trend-h">{t('trend')}</h2>
        <p class="lead">{t('trendIntro', { target: percent(content.target) })}</p>
        <RateChart id="trend" title={t('chartLabel', { title: t('trend') })} points={trend.points} target={content.target} />
        <TrendTable t={t} locale={locale} id="trend-table" caption={t('trend')} firstColumn={t('colDay')} rows={trend.rows} />
      </section>

      <Verify t={t} id={publication.id} sha256={publication.sha256} />
    </>
  )
}
