import { useEffect } from 'hono/jsx'
import type { Locale } from '../../../shared/i18n/locale'
import { percent } from '../../../shared/scoring/format'
import type { PublicPublicationDetail } from '../../../shared/schemas/publication'
import { Headline } from '../components/Headline'
import { RankingTable } from '../components/RankingTable'
import { RateChart } from '../components/RateChart'
import { Verify } from '../components/Verify'
import type { Translate } from '../i18n'
import { detailHref } from '../route'
import { dailyTrend, PublicationMeta } from './DetailPage'

interface Props {
  t: Translate
  locale: Locale
  publication: PublicPublicationDetail
}

/** A4 content width (210 mm less 2 × 15 mm margins) in CSS pixels: the chart is drawn for paper. */
const PAPER_WIDTH = 680

/** /results/<id>/print: the report for a press release, laid out for A4 (the sheet on screen is what prints). */
export function PrintPage({ t, locale, publication }: Props) {
  const { content } = publication
  useEffect(() => {
    document.title = `${publication.title} · ${t('reportTitle')}`
  }, [locale])
  const trend = dailyTrend(content)
  const staff = content.rankings.staff
  return (
    <>
      <div class="print-tools no-print">
        <a class="button button-quiet" href={detailHref(publication.id)}>
          ← {t('back')}
        </a>
        <button type="button" class="button" onClick={() => window.print()}>
          {t('print')}
        </button>
      </div>
      <article class="sheet">
        <header class="report-head">
          <p class="report-kind">{t('reportTitle')}</p>
          <h1>{publication.title}</h1>
          <PublicationMeta t={t} publication={publication} />
        </header>

        <section aria-labelledby="p-headline">
          <h2 id="p-headline">{t('headline')}</h2>
          <Headline t={t} locale={locale} content={content} />
        </section>

        <section class="keep" aria-labelledby="p-trend">
          <h2 id="p-trend">{t('trend')}</h2>
          <p class="lead">{t('trendIntro', { target: percent(content.target) })}</p>
          <RateChart id="p-trend-chart" title={t('chartLabel', { title: t('trend') })} points={trend.points} target={content.target} width={PAPER_WIDTH} />
        </section>

        {/* 十佳 is short: kept on one page; the long tables break between rows and repeat their headers. */}
        <section class="keep" aria-labelledby="p-top">
          <h2 id="p-top">{t('topTen')}</h2>
          {content.topTen.length ? <RankingTable t={t} locale={locale} id="p-top-table" caption={t('topTen')} level="window" items={content.topTen} compact /> : <p>{t('topTenEmpty')}</p>}
        </section>

        <section aria-labelledby="p-below">
          <h2 id="p-below">{t('belowTarget')}</h2>
          {content.belowTarget.length ? (
            <>
              <p class="lead">{t('belowTargetIntro', { target: percent(content.target) })}</p>
              <RankingTable t={t} locale={locale} id="p-below-table" caption={t('belowTarget')} level="window" items={content.belowTarget} compact />
            </>
          ) : (
            <p>{t('belowTargetEmpty')}</p>
          )}
        </section>

        <section aria-labelledby="p-windows">
          <h2 id="p-windows">{t('windowRanking')}</h2>
          <p class="lead">{t('rankingsIntro', { min: content.minSample })}</p>
          <RankingTable t={t} locale={locale} id="p-window-table" caption={t('windowRanking')} level="window" items={content.rankings.window} />
        </section>

        <section aria-labelledby="p-sectors">
          <h2 id="p-sectors">{t('sectorSummary')}</h2>
          <RankingTable t={t} locale={locale} id="p-sector-table" caption={t('sectorSummary')} level="sector" items={content.rankings.sector} />
        </section>

        <section aria-labelledby="p-units">
          <h2 id="p-units">{t('unitSummary')}</h2>
          <RankingTable t={t} locale={locale} id="p-unit-table" caption={t('unitSummary')} level="unit" items={content.rankings.unit} />
        </section>

        {staff ? (
          <section aria-labelledby="p-staff">
            <h2 id="p-staff">{t('staffRanking')}</h2>
            <RankingTable t={t} locale={locale} id="p-staff-table" caption={t('staffRanking')} level="staff" items={staff} />
          </section>
        ) : null}

        <Verify t={t} id={publication.id} sha256={publication.sha256} printed />
        <p class="report-foot">{t('reportFooter')}</p>
      </article>
    </>
  )
}
