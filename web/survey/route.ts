/** What the address asks for: a window's QR survey, a kiosk, a one-time code, a staff preview, or nothing we know. */
export type Route =
  | { kind: 'qr' | 'kiosk' | 'code'; api: string }
  | { kind: 'preview'; api: string }
  | { kind: 'unknown' }

const PREFIX = { s: 'qr', k: 'kiosk', c: 'code' } as const

/** Reads the route from a path such as /s/<token>, /k/<token>, /c/<code> or /preview/questionnaires/3/versions/2. */
export function parseRoute(path: string): Route {
  const survey = /^\/([skc])\/([A-Za-z0-9_-]{1,64})\/?$/.exec(path)
  if (survey) return { kind: PREFIX[survey[1] as keyof typeof PREFIX], api: `/api/${survey[1]}/${survey[2]}` }
  const preview = /^\/preview\/questionnaires\/(\d+)\/versions\/(\d+)\/?$/.exec(path)
  if (preview) return { kind: 'preview', api: `/api/questionnaires/${preview[1]}/versions/${preview[2]}` }
  return { kind: 'unknown' }
}
