import type { Translate } from '../i18n'
import { Face } from './Face'

/** 非常满意 5 … 非常不满意 1, best first (as definition.ts; repeated here so the page needs no zod at runtime). */
export const LEVELS = [5, 4, 3, 2, 1] as const
export const levelWord = (t: Translate, level: number) => t(`level${level}` as 'level5')

/** On a phone 非常不满意 breaks as 非常 / 不满意, and every long word the same way, never as 非常不满 / 意. */
const breakable = (word: string) => (/^[\u4e00-\u9fff]{4,}$/.test(word) ? [<span>{word.slice(0, 2)}</span>, <span>{word.slice(2)}</span>] : word)

interface Props {
  name: string
  value: number | undefined
  big: boolean
  t: Translate
  onChange: (level: number) => void
}

/**
 * The five satisfaction levels as radios, each a face with its word: big for the overall question, compact for the
 * others. The native radio stays (visually hidden) so arrow keys, forms and screen readers work as usual.
 */
export function LevelChoices({ name, value, big, t, onChange }: Props) {
  return (
    <div class={big ? 'levels levels-big' : 'levels'}>
      {LEVELS.map((level) => {
        const word = levelWord(t, level)
        const name = word.replace(/\u00ad/g, '')
        return (
          <label class={`level level-${level}`}>
            {/* Named by aria-label: the two lines of a broken word would otherwise read as "非常 满意". */}
            <input class="sr-only" type="radio" name={name} value={String(level)} aria-label={name} checked={value === level} onChange={() => onChange(level)} />
            <span class="level-box">
              <Face level={level} />
              <span class="level-word">{breakable(word)}</span>
            </span>
          </label>
        )
      })}
    </div>
  )
}
