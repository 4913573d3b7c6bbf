// How figures are shown on screens, in exports and on published pages: one place, so they always read alike.

/** A rate as a percentage with one decimal (96.3%); "—" when there is none. */
export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`)

/** A 0–100 score to one decimal at most (84, 84.5); "—" when there is none. */
export const score = (value: number | null | undefined) => (value === null || value === undefined ? '—' : String(Math.round(value * 10) / 10))
