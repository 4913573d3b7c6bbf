import { renderSVG } from 'uqr'

/** A QR code as SVG (error correction M: survives a worn or partly covered table card). */
export const qrSvg = (text: string) => renderSVG(text, { ecc: 'M', border: 2 })

/** The address a window's QR code opens. */
export const surveyUrl = (publicUrl: string, token: string) => `${publicUrl}/s/${token}`
