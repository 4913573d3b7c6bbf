import { useState, type Child } from 'hono/jsx'

export interface Tab {
  key: string
  label: string
  panel: () => Child
}

/**
 * WAI-ARIA tabs: one tab stop, arrow keys (and Home/End) move between tabs, the chosen panel follows. Only the chosen
 * panel is drawn, so a 2,000-window ranking costs nothing until asked for.
 */
export function Tabs({ id, label, tabs }: { id: string; label: string; tabs: readonly Tab[] }) {
  const [current, setCurrent] = useState(tabs[0]?.key ?? '')
  const active = tabs.find((tab) => tab.key === current) ?? tabs[0]
  const choose = (key: string) => {
    setCurrent(key)
    setTimeout(() => document.getElementById(`${id}-tab-${key}`)?.focus())
  }
  const onKey = (e: KeyboardEvent) => {
    const at = tabs.findIndex((tab) => tab.key === active?.key)
    const next = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null
    if (next === null) return
    e.preventDefault()
    choose(tabs[(next + tabs.length) % tabs.length]!.key)
  }
  if (!active) return null
  return (
    <div class="tabs">
      <div class="tablist" role="tablist" aria-label={label} onKeyDown={onKey}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={`${id}-tab-${tab.key}`}
            class="tab"
            aria-selected={tab.key === active.key ? 'true' : 'false'}
            aria-controls={`${id}-panel`}
            tabindex={tab.key === active.key ? 0 : -1}
            onClick={() => setCurrent(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div class="tabpanel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${active.key}`}>
        {active.panel()}
      </div>
    </div>
  )
}
