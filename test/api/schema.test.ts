import { describe, expect, it } from 'vitest'
import { useHarness } from '../support/harness'

const h = useHarness()

/** The migrated schema, as both dialects must have it: table → column → nullable. */
const EXPECTED: Record<string, Record<string, boolean>> = {
  sectors: { id: false, name: false, code: true, active: false, created_at: false, updated_at: false },
  units: { id: false, sector_id: false, parent_id: true, name: false, code: true, address: true, hotline: true, active: false, created_at: false, updated_at: false },
  windows: {
    id: false, unit_id: false, code: false, name: false, kind: false, location: true, opening_hours: true, active: false, created_at: false, updated_at: false,
    qr_token: true,
  },
  staff: { id: false, unit_id: false, window_id: false, employee_no: false, name: false, active: false, created_at: false, updated_at: false },
  users: {
    id: false, username: false, display_name: false, role: false, password_hash: false, active: false, must_change_password: false,
    last_login_at: true, created_at: false, updated_at: false,
  },
  user_units: { user_id: false, unit_id: false },
  sessions: { id: false, user_id: false, expires_at: false, created_at: false, renewed_at: false },
  login_throttle: { key: false, failures: false, first_failure_at: false, locked_until: true },
  settings: { key: false, value: false },
  questionnaires: { id: false, kind: false, name: false, description: true, template_key: true, archived: false, created_at: false, updated_at: false },
  questionnaire_versions: { id: false, questionnaire_id: false, version: false, status: false, definition: false, published_at: true, created_at: false, updated_at: false },
  campaigns: {
    id: false, name: false, description: true, starts_on: false, ends_on: false, status: false, questionnaire_id: false, target_rate: false,
    satisfied_levels: false, min_sample: false, quota_total: true, quota_per_window: true, repeat_interval_hours: false, min_seconds: false,
    scope: false, created_at: false, updated_at: false, weight_citizen: false, weight_supervisor: false, weight_inspection: false, publish_staff_names: false,
  },
  campaign_phases: { id: false, campaign_id: false, name: false, starts_on: false, ends_on: false },
  campaign_windows: { campaign_id: false, window_id: false },
  window_token_history: { token: false, window_id: false, replaced_at: false },
  api_keys: { id: false, unit_id: false, name: false, prefix: false, key_hash: false, created_by: true, created_at: false, revoked_at: true, last_used_at: true },
  kiosks: { id: false, window_id: false, name: false, token_hash: false, created_by: true, created_at: false, revoked_at: true, last_seen_at: true },
  one_time_codes: {
    id: false, code: false, unit_id: false, window_id: false, transaction_id: false, created_by: true, api_key_id: true, created_at: false,
    expires_at: false, used_at: true,
  },
  responses: {
    id: false, campaign_id: false, window_id: false, staff_id: true, questionnaire_version_id: false, channel: false, status: false,
    flag_reasons: true, answers: false, overall_level: true, phone: true, tracking_code: false, client_key: true, device_hash: true,
    ip_hash: true, net_hash: true, duration_ms: true, submitted_at: false, day: false, hour: false, operator_id: true, kiosk_id: true,
    one_time_code_id: true, reviewed_by: true, reviewed_at: true, review_reason: true,
  },
  response_reviews: { id: false, response_id: false, from_status: false, to_status: false, reason: true, user_id: false, at: false },
  agg_levels: { campaign_id: false, window_id: false, day: false, hour: false, channel: false, level: false, n: false },
  agg_staff: { campaign_id: false, staff_id: false, day: false, level: false, n: false },
  agg_answers: { campaign_id: false, window_id: false, questionnaire_version_id: false, question_key: false, value: false, day: false, n: false },
  supervisor_profiles: {
    user_id: false, kind: false, organisation: true, phone: true, letter_no: true, term_start: false, term_end: false, ended_at: true, end_reason: true, created_at: false, updated_at: false,
  },
  campaign_supervision: { campaign_id: false, visits_per_window_per_month: true, undercover_per_window_per_month: true, updated_at: false },
  campaign_forms: { campaign_id: false, questionnaire_id: false },
  supervisor_assignments: { id: false, campaign_id: false, supervisor_id: false, scope: false, created_at: false },
  assignment_windows: { assignment_id: false, campaign_id: false, supervisor_id: false, window_id: false },
  visits: {
    id: false, campaign_id: false, supervisor_id: false, window_id: false, questionnaire_version_id: false, visit_type: false, visited_at: false, month: false, answers: false, notes: true,
    status: false, score: true, inspection_score: true, vetoed: false, has_findings: false, submitted_at: true, annulled_at: true, annulled_by: true, annul_reason: true, created_at: false, updated_at: false,
  },
  visit_photos: { id: false, visit_id: false, file: false, mime: false, bytes: false, created_at: false },
  agg_visits: { campaign_id: false, window_id: false, month: false, undercover: false, visits: false, score_sum: false, score_n: false, inspection_sum: false, inspection_n: false, vetoes: false },
  agg_window_months: { campaign_id: false, window_id: false, month: false, level: false, n: false },
  agg_campaign_hours: { campaign_id: false, day: false, hour: false, channel: false, level: false, n: false },
  agg_campaign_answers: { campaign_id: false, questionnaire_version_id: false, question_key: false, value: false, day: false, n: false },
  publications: {
    id: false, campaign_id: false, title: false, period_from: false, period_to: false, content: false, sha256: false, overall_n: false, overall_rate: true, published_at: false,
    published_by: false, withdrawn_at: true, withdrawn_by: true, withdraw_reason: true,
  },
}

describe('migrations', () => {
  it('build the same tables and columns on this dialect', async () => {
    const tables = await h().db.introspection.getTables()
    const actual = Object.fromEntries(
      tables
        .filter((t) => !t.name.startsWith('schema_migrations'))
        .map((t) => [t.name, Object.fromEntries(t.columns.map((c) => [c.name, c.isNullable]))]),
    )
    expect(actual).toEqual(EXPECTED)
  })

  it('keep ids as integer identities and refuse a duplicate window code in one unit', async () => {
    const at = new Date().toISOString()
    const sector = await h().db.insertInto('sectors').values({ name: '测试', code: null, active: 1, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()
    expect(Number.isInteger(sector.id)).toBe(true)
    const unit = await h().db
      .insertInto('units')
      .values({ sector_id: sector.id, parent_id: null, name: 'U', code: null, address: null, hotline: null, active: 1, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow()
    const window = { unit_id: unit.id, code: 'A-1', name: 'W', kind: 'window', location: null, opening_hours: null, active: 1 as const, created_at: at, updated_at: at }
    await h().db.insertInto('windows').values(window).execute()
    await expect(h().db.insertInto('windows').values(window).execute()).rejects.toThrow()
    // foreign keys are enforced on both dialects
    await expect(h().db.insertInto('windows').values({ ...window, unit_id: 999999, code: 'B' }).execute()).rejects.toThrow()
  })
})
