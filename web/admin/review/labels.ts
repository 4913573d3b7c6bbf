import type { UiKey } from '../../../shared/i18n'

/** Why a response was flagged, in words (the server's codes are repeat_device, too_fast, honeypot, burst). */
export const REASON_KEYS: Record<string, UiKey> = {
  repeat_device: 'reasonRepeatDevice',
  too_fast: 'reasonTooFast',
  honeypot: 'reasonHoneypot',
  burst: 'reasonBurst',
}

/** How a response came in. */
export const CHANNEL_KEYS: Record<string, UiKey> = {
  qr: 'channelQr',
  kiosk: 'channelKiosk',
  web: 'channelWeb',
  hotline: 'channelHotline',
  paper: 'channelPaper',
  sms: 'channelSms',
}
