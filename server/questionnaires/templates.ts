import type { Definition, QuestionnaireKind } from '../../shared/survey/definition'

export interface Template {
  key: string
  kind: QuestionnaireKind
  name: string
  description: string
  definition: Definition
}

const level = (key: string, zh: string, en: string, dimension?: string) => ({
  key,
  type: 'satisfaction5' as const,
  text: { zh, en },
  required: false,
  weight: 1,
  overall: false,
  ...(dimension ? { dimension } : {}),
})
const BAD = { question: 'overall', anyOf: [1, 2] }
const overall = { key: 'overall', type: 'satisfaction5' as const, text: { zh: '您对本次服务的整体满意度', en: 'Overall, how satisfied are you with this service?' }, required: true, weight: 1, overall: true }
const comment = { key: 'comment', type: 'text' as const, text: { zh: '意见和建议（选填）', en: 'Comments and suggestions (optional)' }, required: false, weight: 0, overall: false, maxLength: 500 }
const phone = {
  key: 'phone',
  type: 'text' as const,
  format: 'phone' as const,
  text: { zh: '留下手机号，我们将在 1 个工作日内回访（选填）', en: 'Leave a mobile number and we will call you back within 1 working day (optional)' },
  required: false,
  weight: 0,
  overall: false,
  maxLength: 11,
  condition: BAD,
}

const check = (key: string, zh: string, en: string, points: number, extra: { veto?: boolean; dimension?: string } = {}) => ({
  key,
  type: 'check' as const,
  text: { zh, en },
  required: true,
  weight: 1,
  overall: false,
  points,
  ...extra,
})
const score = (key: string, zh: string, en: string, dimension: string) => ({ key, type: 'score100' as const, text: { zh, en }, required: true, weight: 1, overall: false, dimension })
const findings = {
  key: 'findings',
  type: 'text' as const,
  text: { zh: '发现的问题和整改建议', en: 'Findings and what should be put right' },
  required: false,
  weight: 0,
  overall: false,
  maxLength: 2000,
}

/** Forms for appointed supervisors' visits (评议、检查): scores, checklists and findings. */
const SUPERVISOR_TEMPLATES: Template[] = [
  {
    key: 'five-haves-check',
    kind: 'supervisor',
    name: '“五个有”窗口设施检查',
    description: '整洁美观的服务环境、合理完备的服务区域、醒目详细的办事流程、合适的便民服务项目、统一美观的行业着装（各 20 分）',
    definition: {
      title: { zh: '“五个有”窗口设施检查', en: 'Five Haves facilities checklist' },
      questions: [
        check('environment', '有整洁美观的服务环境', 'A clean and pleasant environment', 20, { dimension: 'environment' }),
        check('areas', '有合理完备的服务区域', 'Well laid-out service areas', 20, { dimension: 'environment' }),
        check('process', '有醒目详细的办事流程', 'Clear, detailed procedures on display', 20, { dimension: 'efficiency' }),
        check('conveniences', '有合适的便民服务项目', 'Suitable conveniences for visitors', 20, { dimension: 'environment' }),
        check('uniform', '有统一美观的行业着装', 'Uniform dress', 20, { dimension: 'attitude' }),
        findings,
      ],
    },
  },
  {
    key: 'five-goods-appraisal',
    kind: 'supervisor',
    name: '“五个好”服务质量评议',
    description: '人员素质、诚信建设、服务态度、服务技能、服务效率，各按 0–100 分评议',
    definition: {
      title: { zh: '“五个好”服务质量评议', en: 'Five Goods quality appraisal' },
      questions: [
        score('quality', '人员素质', 'Staff quality', 'competence'),
        score('integrity', '诚信建设', 'Integrity', 'integrity'),
        score('attitude', '服务态度', 'Attitude', 'attitude'),
        score('skills', '服务技能', 'Skills', 'competence'),
        score('efficiency', '服务效率', 'Efficiency', 'efficiency'),
        findings,
      ],
    },
  },
  {
    key: 'four-checks',
    kind: 'supervisor',
    name: '“四查四看”监督检查',
    description: '查制度措施、查文明诚信、查环境卫生、查投诉处理（各 25 分），记录发现的问题',
    definition: {
      title: { zh: '“四查四看”监督检查', en: 'Four Checks inspection' },
      questions: [
        check('rules', '查制度措施：看服务承诺、首问负责、限时办结等制度是否落实', 'Rules: service pledges, first-contact responsibility, deadlines in force', 25, { dimension: 'efficiency' }),
        check('civility', '查文明诚信：看是否文明用语、诚信服务、无“吃拿卡要”', 'Civility and integrity: courteous, honest, no favours asked', 25, { dimension: 'integrity' }),
        check('hygiene', '查环境卫生：看服务场所是否整洁有序', 'Environment: the premises clean and orderly', 25, { dimension: 'environment' }),
        check('complaints', '查投诉处理：看投诉是否件件有回音、事事有落实', 'Complaints: every complaint answered and acted on', 25, { dimension: 'attitude' }),
        findings,
      ],
    },
  },
  {
    key: 'six-commitments-check',
    kind: 'supervisor',
    name: '上门服务“六项承诺”现场检查',
    description: '公示全、准备足、着装整、现场洁、服务优、纪律严；纪律严为一票否决项',
    definition: {
      title: { zh: '上门服务“六项承诺”现场检查', en: 'Home service six commitments: site check' },
      questions: [
        check('disclosure', '公示全：出示工作证件，公开收费标准和服务流程', 'Showed ID, fees and procedure', 15, { dimension: 'integrity' }),
        check('preparation', '准备足：工具、材料准备齐全', 'Came with tools and materials', 15, { dimension: 'efficiency' }),
        check('uniform', '着装整：统一着装、佩戴工牌', 'Uniform and badge', 15, { dimension: 'attitude' }),
        check('tidy', '现场洁：自带鞋套，完工后清理现场', 'Shoe covers, site cleaned up', 15, { dimension: 'environment' }),
        check('service', '服务优：讲解使用和安全常识', 'Explained use and safety', 20, { dimension: 'attitude' }),
        check('discipline', '纪律严：不吃请、不收礼、不乱收费（一票否决）', 'No meals, gifts or extra charges (veto)', 20, { dimension: 'integrity', veto: true }),
        findings,
      ],
    },
  },
]

/** Built-in questionnaires drawn from the campaign documents; admins copy one and adapt it. */
export const TEMPLATES: Template[] = [
  {
    key: 'window-service',
    kind: 'citizen',
    name: '窗口服务满意度评价',
    description: '整体满意度与服务态度、效率、水平、环境；差评时询问原因并可留电话回访',
    definition: {
      title: { zh: '窗口服务满意度评价', en: 'How was our service?' },
      intro: { zh: '您的评价将帮助我们改进服务，约需 30 秒。', en: 'Your rating helps us improve. It takes about 30 seconds.' },
      questions: [
        overall,
        level('attitude', '服务态度', 'Attitude of staff', 'attitude'),
        level('efficiency', '服务效率', 'Speed and efficiency', 'efficiency'),
        level('competence', '服务水平', 'Competence', 'competence'),
        level('environment', '服务环境', 'Environment', 'environment'),
        {
          key: 'reasons',
          type: 'multiple',
          text: { zh: '请告诉我们哪里做得不好', en: 'What went wrong?' },
          required: true,
          weight: 0,
          overall: false,
          condition: BAD,
          options: [
            { key: 'rude', text: { zh: '态度生硬', en: 'Rude or cold' } },
            { key: 'slow', text: { zh: '办事拖拉', en: 'Slow' } },
            { key: 'buck_passing', text: { zh: '推诿扯皮', en: 'Passed from desk to desk' } },
            { key: 'unclear_fees', text: { zh: '收费不明', en: 'Unclear fees' } },
            { key: 'dirty', text: { zh: '环境脏乱', en: 'Untidy environment' } },
            { key: 'other', text: { zh: '其他', en: 'Other' } },
          ],
        },
        comment,
        phone,
      ],
    },
  },
  {
    key: 'five-goods',
    kind: 'citizen',
    name: '“五个好”服务评价',
    description: '人员素质好、诚信建设好、服务态度好、服务技能好、服务效率好',
    definition: {
      title: { zh: '“五个好”服务评价', en: 'Five Goods service rating' },
      questions: [
        overall,
        level('quality', '人员素质', 'Staff quality', 'competence'),
        level('integrity', '诚信建设', 'Integrity', 'integrity'),
        level('attitude', '服务态度', 'Attitude', 'attitude'),
        level('skills', '服务技能', 'Skills', 'competence'),
        level('efficiency', '服务效率', 'Efficiency', 'efficiency'),
        comment,
        phone,
      ],
    },
  },
  {
    key: 'six-commitments',
    kind: 'citizen',
    name: '上门安装维修“六项承诺”回访',
    description: '公示全、准备足、着装整、现场洁、服务优、纪律严（入户安装、维修服务后的回访）',
    definition: {
      title: { zh: '上门服务“六项承诺”回访', en: 'Home service: our six commitments' },
      intro: { zh: '请根据本次上门安装或维修的实际情况作答。', en: 'Please answer for this installation or repair visit.' },
      questions: [
        overall,
        ...(
          [
            ['disclosure', '公示全：出示工作证件，公开收费标准和服务流程', 'Showed ID, fees and procedure'],
            ['preparation', '准备足：工具、材料准备齐全，一次上门解决问题', 'Came prepared and fixed it in one visit'],
            ['uniform', '着装整：统一着装、佩戴工牌', 'Wore uniform and badge'],
            ['tidy', '现场洁：自带鞋套，完工后清理现场', 'Used shoe covers and cleaned up'],
            ['service', '服务优：讲解使用和安全常识，态度热情', 'Explained use and safety, friendly'],
            ['discipline', '纪律严：不吃请、不收礼、不乱收费', 'Took no gifts, meals or extra charges'],
          ] as const
        ).map(([key, zh, en]) => ({ key, type: 'check' as const, text: { zh, en }, required: true, weight: 1, overall: false, points: 100 / 6, dimension: 'integrity' })),
        comment,
        phone,
      ],
    },
  },
  ...SUPERVISOR_TEMPLATES,
]

export const templateByKey = (key: string) => TEMPLATES.find((t) => t.key === key)
