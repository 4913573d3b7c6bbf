import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { resetLocale } from '../../app/i18n'
import { orgTree } from '../../testing/org-fixture'
import { cleanup, getButton, mount, textOf } from '../../testing/render'
import { useFakeApi } from '../../testing/server'
import { PrintUnitCardsLink, WindowQr } from './WindowQr'

const api = useFakeApi()
const window = orgTree.windows.find((w) => w.id === 103)!

describe('window QR code', () => {
  beforeEach(() => resetLocale('zh-CN'))
  afterEach(cleanup)

  it('shows the citizen address and QR image, prints the card, and replaces the code after a warning', async () => {
    let rotated = 0
    api.use(
      http.get('/api/org/windows/103/qr', () => HttpResponse.json({ token: 'aaaaaaaaaaaaaaaa', url: 'https://manyi.example/s/aaaaaaaaaaaaaaaa' })),
      http.post('/api/org/windows/103/rotate-token', () => {
        rotated++
        return HttpResponse.json({ token: 'bbbbbbbbbbbbbbbb', url: 'https://manyi.example/s/bbbbbbbbbbbbbbbb' })
      }),
    )
    const section = mount(<WindowQr window={window} />)
    await vi.waitFor(() => expect(section.querySelector('.qr-url')?.textContent).toBe('https://manyi.example/s/aaaaaaaaaaaaaaaa'))
    const img = section.querySelector('img')!
    expect(img.getAttribute('src')).toBe('/api/org/windows/103/qr.svg?t=aaaaaaaaaaaaaaaa')
    expect(img.getAttribute('alt')).toBe('“A-03 水费缴纳窗口”的评价二维码')
    const print = [...section.querySelectorAll('a')].find((a) => textOf(a).includes('打印桌牌'))!
    expect(print.getAttribute('href')).toBe('/print/cards?windowId=103')
    expect(print.getAttribute('target')).toBe('_blank')

    getButton(section, '更换二维码').click()
    await vi.waitFor(() => expect(document.querySelector('[role="alertdialog"]')).not.toBeNull())
    const dialog = document.querySelector<HTMLElement>('[role="alertdialog"]')!
    expect(textOf(dialog)).toContain('已打印的旧桌牌和旧二维码不能再用于评价')
    expect(rotated).toBe(0)
    getButton(dialog, '更换二维码').click()
    await vi.waitFor(() => expect(section.querySelector('.qr-url')?.textContent).toBe('https://manyi.example/s/bbbbbbbbbbbbbbbb'))
    expect(rotated).toBe(1)
    expect(section.querySelector('img')!.getAttribute('src')).toBe('/api/org/windows/103/qr.svg?t=bbbbbbbbbbbbbbbb')
    expect(textOf(section)).toContain('二维码已更换，请重新打印桌牌。')
    expect(document.querySelector('[role="alertdialog"]')).toBeNull()
  })

  it('links a unit to the printable cards of all its windows', () => {
    const link = mount(<PrintUnitCardsLink unitId={11} />).querySelector('a')!
    expect(link.getAttribute('href')).toBe('/print/cards?unitId=11')
    expect(textOf(link)).toContain('打印本单位桌牌')
  })
})
