import type { Kysely } from 'kysely'
import { isoNow } from '../convention'
import type { Database } from '../schema'

/** Marks every demo name so that nobody mistakes it for real data. */
export const DEMO_LABEL = '（演示）'

interface DemoUnit {
  name: string
  address: string
  hotline: string
  windows?: { prefix: string; names: string[]; kind?: 'window' | 'station' | 'team' }
  children?: DemoUnit[]
}

const DEMO: Record<string, DemoUnit[]> = {
  供水: [
    {
      name: '示范市水务集团',
      address: '示范市人民路 1 号',
      hotline: '96606',
      children: [
        { name: '客户服务中心', address: '人民路 1 号一楼', hotline: '96606', windows: { prefix: 'A', names: ['综合受理', '用水报装', '水费缴纳', '账单查询', '投诉受理', '咨询引导'] } },
        { name: '城东营业所', address: '东城大道 88 号', hotline: '96606', windows: { prefix: 'E', names: ['综合受理', '水费缴纳', '维修报修', '过户更名'] } },
        { name: '城西营业所', address: '西湖路 12 号', hotline: '96606', windows: { prefix: 'W', names: ['综合受理', '水费缴纳', '维修报修', '过户更名'] } },
      ],
    },
  ],
  供热: [
    {
      name: '示范市热力公司',
      address: '示范市建设路 20 号',
      hotline: '96677',
      children: [
        { name: '市南供热站', address: '市南区海滨路 3 号', hotline: '96677', windows: { prefix: 'S', names: ['报停报启', '热费缴纳', '室温投诉', '维修调度'], kind: 'station' } },
        { name: '市北供热站', address: '市北区延安路 9 号', hotline: '96677', windows: { prefix: 'N', names: ['报停报启', '热费缴纳', '维修调度'], kind: 'station' } },
      ],
    },
  ],
  燃气: [
    {
      name: '示范市燃气集团',
      address: '示范市泰山路 66 号',
      hotline: '96777',
      children: [
        { name: '燃气营业厅', address: '泰山路 66 号一楼', hotline: '96777', windows: { prefix: 'G', names: ['开户报装', '燃气缴费', '安全检查预约', '表具维修', 'IC卡补卡'] } },
        { name: '城南燃气服务站', address: '城南区黄河路 18 号', hotline: '96777', windows: { prefix: 'R', names: ['开户报装', '燃气缴费', '表具维修'], kind: 'station' } },
        { name: '户内安装维修班', address: '泰山路 66 号后院', hotline: '96777', windows: { prefix: 'T', names: ['安装一班', '安装二班', '维修一班', '维修二班'], kind: 'team' } },
      ],
    },
  ],
  公交: [
    {
      name: '示范市公交集团',
      address: '示范市长江路 5 号',
      hotline: '96660',
      children: [
        { name: 'IC卡服务中心', address: '长江路 5 号', hotline: '96660', windows: { prefix: 'C', names: ['办卡', '充值', '挂失补卡', '老年卡审核'] } },
        { name: '第一车队', address: '火车站公交枢纽', hotline: '96660', windows: { prefix: 'L', names: ['1路', '2路', '5路', '9路', '16路', '快速公交B1线'], kind: 'team' } },
      ],
    },
  ],
  政务服务大厅: [
    {
      name: '示范市政务服务中心',
      address: '示范市行政中心 B 座',
      hotline: '12345',
      children: [
        { name: '不动产登记分中心', address: '行政中心 B 座二楼', hotline: '12345', windows: { prefix: 'B', names: ['综合受理', '抵押登记', '转移登记', '查询发证', '税费缴纳', '咨询导办'] } },
        { name: '社保医保服务区', address: '行政中心 B 座一楼', hotline: '12333', windows: { prefix: 'H', names: ['参保登记', '待遇核定', '医保报销', '社保卡办理', '退休审批', '失业登记', '就业创业'] } },
        { name: '企业开办专区', address: '行政中心 B 座三楼', hotline: '12345', windows: { prefix: 'Q', names: ['一窗通办', '印章刻制', '发票申领', '银行开户'] } },
      ],
    },
  ],
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英']

/** Seeds the demo city (5 sectors, 18 units, 60 windows with staff) in one transaction. Returns the counts. */
export async function seedDemoOrganisation(db: Kysely<Database>, now = new Date()) {
  const at = isoNow(now)
  const counts = { sectors: 0, units: 0, windows: 0, staff: 0 }
  let person = 0
  await db.transaction().execute(async (trx) => {
    const insertUnit = async (u: DemoUnit, sectorId: number, parentId: number | null) => {
      const { id } = await trx
        .insertInto('units')
        .values({ sector_id: sectorId, parent_id: parentId, name: u.name + (parentId === null ? DEMO_LABEL : ''), code: null, address: u.address, hotline: u.hotline, active: 1, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
      counts.units++
      for (const [i, name] of (u.windows?.names ?? []).entries()) {
        const code = `${u.windows!.prefix}-${String(i + 1).padStart(2, '0')}`
        const kind = u.windows!.kind ?? 'window'
        const window = await trx
          .insertInto('windows')
          .values({ unit_id: id, code, name: kind === 'window' ? `${name}窗口` : name, kind, location: `${u.address} ${code}`, opening_hours: '周一至周五 8:30–17:00，周六 9:00–12:00', active: 1, created_at: at, updated_at: at })
          .returning('id')
          .executeTakeFirstOrThrow()
        counts.windows++
        for (let s = 0; s < 1 + ((i + u.name.length) % 3); s++) {
          person++
          await trx
            .insertInto('staff')
            .values({ unit_id: id, window_id: window.id, employee_no: `${u.windows!.prefix}${String(person).padStart(4, '0')}`, name: SURNAMES[person % SURNAMES.length]! + GIVEN[(person * 7) % GIVEN.length]!, active: 1, created_at: at, updated_at: at })
            .execute()
          counts.staff++
        }
      }
      for (const child of u.children ?? []) await insertUnit(child, sectorId, id)
    }
    for (const [sectorName, units] of Object.entries(DEMO)) {
      const sector = await trx
        .insertInto('sectors')
        .values({ name: sectorName, code: null, active: 1, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
      counts.sectors++
      for (const u of units) await insertUnit(u, sector.id, null)
    }
  })
  return counts
}
