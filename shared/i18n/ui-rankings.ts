/** Web texts of the rankings and publication management pages, zh-CN first; merged into ui.ts. */
export const zh = {
  navRankings: '排名发布',
} as const

export const en: Record<keyof typeof zh, string> = {
  navRankings: 'Rankings',
}
