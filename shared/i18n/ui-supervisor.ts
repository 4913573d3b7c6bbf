/** Web texts of the supervisor's phone pages (my windows, visit form, my visits), zh-CN first; merged into ui.ts. */
export const zh = {} as const

export const en: Record<keyof typeof zh, string> = {}
