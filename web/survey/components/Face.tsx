/** Mouths from a broad smile (5) to a deep frown (1), drawn on a 48 × 48 face. */
const MOUTHS: Record<number, string> = {
  5: 'M13 27q11 14 22 0z',
  4: 'M15 28q9 8 18 0',
  3: 'M16 31h16',
  2: 'M16 34q8-6 16 0',
  1: 'M14 35q10-10 20 0',
}

/**
 * A satisfaction face, green (5) to red (1). Decoration only: the word beside it carries the meaning, so colour is
 * never the only cue and screen readers skip the drawing.
 */
export function Face({ level }: { level: number }) {
  return (
    <svg class={`face face-${level}`} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle class="face-skin" cx="24" cy="24" r="22" />
      <circle class="face-eye" cx="17" cy="19" r="2.8" />
      <circle class="face-eye" cx="31" cy="19" r="2.8" />
      {level === 1 ? <path class="face-line" d="M11 12l8 4M37 12l-8 4" /> : null}
      <path class={level === 5 ? 'face-open' : 'face-line'} d={MOUTHS[level]} />
    </svg>
  )
}
