/** Web texts of the supervision management pages (roster, campaign supervision, visits), zh-CN first; merged into ui.ts. */
export const zh = {
  navSupervisors: '监督员',
  navVisits: '监督评议',
} as const

export const en: Record<keyof typeof zh, string> = {
  navSupervisors: 'Supervisors',
  navVisits: 'Supervision',
}
