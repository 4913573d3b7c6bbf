import type { Context } from 'hono'
import { html, raw } from 'hono/html'
import { authorizeScoped } from '../access/actor'
import type { AppEnv } from '../env'
import { AppError } from '../http/errors'
import { inScope, subtreeOf } from '../access/policy'
import { qrSvg, surveyUrl } from './svg'
import { tokenFor } from './tokens'

/** The stylesheet of the card page (served as a file: the CSP allows no inline styles). */
export const CARDS_CSS = `
@page { size: A4; margin: 10mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1a1f2b; background: #eef1f5; }
.toolbar { display: flex; gap: 12px; align-items: center; padding: 12px 16px; background: #fff; border-bottom: 1px solid #d6dbe3; }
.toolbar button { font: inherit; padding: 8px 16px; border-radius: 6px; border: 1px solid #1f5fbf; background: #1f5fbf; color: #fff; cursor: pointer; }
.sheet { display: grid; grid-template-columns: 1fr 1fr; gap: 0; width: 190mm; margin: 12px auto; background: #fff; }
.card { height: 138mm; padding: 10mm 8mm; border: 1px dashed #9aa3b2; display: flex; flex-direction: column; align-items: center; text-align: center; break-inside: avoid; page-break-inside: avoid; }
.unit { font-size: 11pt; color: #46506a; }
.name { font-size: 18pt; font-weight: 700; margin: 2mm 0 0; }
.code { font-size: 12pt; font-family: ui-monospace, monospace; background: #eef3fb; color: #1f5fbf; padding: 1mm 3mm; border-radius: 2mm; margin-top: 2mm; }
.qr { width: 58mm; height: 58mm; margin: 5mm 0 3mm; }
.qr svg { width: 100%; height: 100%; }
.slogan { font-size: 14pt; font-weight: 700; color: #1f5fbf; }
.hint { font-size: 9.5pt; color: #46506a; margin-top: 1mm; }
.hotline { margin-top: auto; font-size: 10pt; color: #1a1f2b; }
.url { font-size: 7pt; color: #7a8397; word-break: break-all; }
@media print { body { background: #fff; } .toolbar { display: none; } .sheet { margin: 0; width: auto; } .card:nth-child(4n) { break-after: page; page-break-after: always; } }
`
export const CARDS_JS = `document.getElementById('print')?.addEventListener('click', () => window.print())\n`

/** GET /print/cards?unitId=… or ?windowId=…: printable table cards, four to an A4 sheet. */
export async function cardsPage(c: Context<AppEnv>) {
  const { scope } = await authorizeScoped(c, 'qr.manage')
  const { db, config } = c.get('deps')
  const unitId = Number(c.req.query('unitId') ?? NaN)
  const windowId = Number(c.req.query('windowId') ?? NaN)
  let query = db
    .selectFrom('windows')
    .innerJoin('units', 'units.id', 'windows.unit_id')
    .select(['windows.id', 'windows.code', 'windows.name', 'windows.unit_id', 'units.name as unit_name', 'units.hotline'])
    .where('windows.active', '=', 1)
  if (Number.isInteger(windowId) && windowId > 0) {
    query = query.where('windows.id', '=', windowId)
  } else if (Number.isInteger(unitId) && unitId > 0) {
    const units = await db.selectFrom('units').select(['id', 'parent_id']).execute()
    query = query.where('windows.unit_id', 'in', [...subtreeOf(units, [unitId])])
  } else {
    throw new AppError(400, 'bad_request')
  }
  const windows = (await query.orderBy('windows.unit_id').orderBy('windows.code').execute()).filter((w) => inScope(scope, w.unit_id))
  if (windows.length === 0) throw new AppError(404, 'not_found')
  const cards = []
  for (const w of windows) {
    const url = surveyUrl(config.PUBLIC_URL, await tokenFor(db, w.id))
    cards.push(html`<section class="card">
      <div class="unit">${w.unit_name}</div>
      <h2 class="name">${w.name}</h2>
      <div class="code">${w.code}</div>
      <div class="qr" role="img" aria-label="评价二维码 ${w.code}">${raw(qrSvg(url))}</div>
      <div class="slogan">扫码评价 · 您的满意是我们的追求</div>
      <div class="hint">手机扫一扫，为本窗口服务打分，约需 30 秒</div>
      <div class="hotline">${w.hotline ? html`监督电话 ${w.hotline}` : ''}</div>
      <div class="url">${url}</div>
    </section>`)
  }
  c.header('Cache-Control', 'private, no-cache')
  return c.html(html`<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <title>评价桌牌 · ${windows[0]!.unit_name}</title>
    <link rel="stylesheet" href="/print/cards.css" />
  </head>
  <body>
    <div class="toolbar"><button id="print" type="button">打印 / Print</button><span>${windows.length} 张桌牌，每张 A4 纸 4 张，沿虚线裁开</span></div>
    <main class="sheet">${cards}</main>
    <script src="/print/cards.js"></script>
  </body>
</html>`)
}
