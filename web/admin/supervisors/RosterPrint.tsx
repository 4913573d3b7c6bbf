import type { Supervisor } from '../../../shared/schemas/supervision'
import { useT } from '../../app/i18n'
import { kindLabel, STATUS_KEYS } from './labels'

/**
 * The appointment list (监督员聘任名单) as it prints: title, what is listed, and an A4-wide table of name, kind,
 * organisation, letter number and term. Hidden on screen; the print stylesheet shows only this.
 */
export function RosterPrint({ supervisors, filterLabel, printedOn }: { supervisors: Supervisor[]; filterLabel: string; printedOn: string }) {
  const t = useT()
  // A list of only serving supervisors needs no status; any other list says who is not (or no longer) serving.
  const withStatus = supervisors.some((s) => s.status !== 'active')
  return (
    <section class="sv-roster-print">
      <h1 class="sv-print-title">{t('svPrintTitle')}</h1>
      <p class="sv-print-meta">{t('svPrintMeta', { filter: filterLabel, count: supervisors.length, date: printedOn })}</p>
      <table class="sv-print-table">
        <thead>
          <tr>
            <th scope="col" class="sv-print-no">
              {t('svPrintNo')}
            </th>
            <th scope="col">{t('svName')}</th>
            <th scope="col">{t('svKind')}</th>
            <th scope="col">{t('svOrganisation')}</th>
            <th scope="col">{t('svLetterNo')}</th>
            <th scope="col">{t('svTerm')}</th>
            {withStatus ? <th scope="col">{t('status')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {supervisors.map((s, i) => (
            <tr>
              <td class="sv-print-no">{i + 1}</td>
              <td>{s.displayName}</td>
              <td>{kindLabel(s.kind, t)}</td>
              <td>{s.organisation ?? ''}</td>
              <td>{s.letterNo ?? ''}</td>
              <td class="nowrap">
                {s.termStart} {t('svTermTo')} {s.termEnd}
              </td>
              {withStatus ? <td class="nowrap">{t(STATUS_KEYS[s.status])}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
