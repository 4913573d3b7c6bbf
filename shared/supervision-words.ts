// Plain lists of the supervision vocabulary, without zod, so that the web app can use them at run time without
// loading the schema library (which probes for eval and trips the pages' Content-Security-Policy).

/** Built-in kinds of appointed supervisor; any other text is a custom kind. */
export const SUPERVISOR_KINDS = ['npc_deputy', 'cppcc_member', 'efficiency', 'conduct', 'citizen_inspector', 'social'] as const

/** How a visit is made: 明察 open, 暗访 undercover, 巡查 routine patrol, 专项 special check. */
export const VISIT_TYPES = ['open', 'undercover', 'patrol', 'special'] as const
