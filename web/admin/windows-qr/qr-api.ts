import { api, call } from '../../app/api'

/** A window's citizen address and the token in it. */
export interface WindowQr {
  token: string
  url: string
}

/** The window's current QR address (GET /api/org/windows/:id/qr). */
export const getWindowQr = (windowId: number): Promise<WindowQr> => call(api.org.windows[':id'].qr.$get({ param: { id: String(windowId) } }))

/** A new token for the window; printed cards with the old one show a "replaced" page (POST …/rotate-token). */
export const rotateWindowQr = (windowId: number): Promise<WindowQr> => call(api.org.windows[':id']['rotate-token'].$post({ param: { id: String(windowId) } }))

/** The QR code as SVG, for an <img>; the token in the query makes the browser fetch it again after a rotation. */
export const qrImageUrl = (windowId: number, token: string) => `/api/org/windows/${windowId}/qr.svg?t=${encodeURIComponent(token)}`

/** The printable table cards (server-rendered, opened in a new tab). */
export const printCardsUrl = (target: { windowId: number } | { unitId: number }) =>
  'windowId' in target ? `/print/cards?windowId=${target.windowId}` : `/print/cards?unitId=${target.unitId}`
