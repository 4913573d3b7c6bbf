import type { Child } from 'hono/jsx'

/** One field of a record: label, value, and whether it needs the full width (addresses, opening hours). */
export type Fact = [label: string, value: Child | null | undefined, wide?: 'wide']

/** A definition list of a record's fields; empty values show a dash. */
export function Facts({ items }: { items: readonly Fact[] }) {
  return (
    <dl class="facts">
      {items.map(([label, value, wide]) => (
        <div class={wide ? 'fact fact-wide' : 'fact'}>
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? <span class="muted">—</span> : value}</dd>
        </div>
      ))}
    </dl>
  )
}
