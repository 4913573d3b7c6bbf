import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

// Conventions for both dialects: instants are ISO-8601 UTC text ("2026-11-21T08:30:00.000Z", sortable as text),
// booleans are integers 0/1, ids are integer identities.

/** 0 or 1: how booleans are stored. */
export type Flag = 0 | 1

export interface SectorTable {
  id: Generated<number>
  name: string
  code: string | null
  active: Flag
  created_at: string
  updated_at: string
}

export interface UnitTable {
  id: Generated<number>
  sector_id: number
  parent_id: number | null
  name: string
  code: string | null
  address: string | null
  hotline: string | null
  active: Flag
  created_at: string
  updated_at: string
}

export interface WindowTable {
  id: Generated<number>
  unit_id: number
  code: string
  name: string
  kind: string
  location: string | null
  opening_hours: string | null
  active: Flag
  /** The token of the citizen URL /s/<token>; null until first needed. */
  qr_token: string | null
  created_at: string
  updated_at: string
}

export interface StaffTable {
  id: Generated<number>
  unit_id: number
  window_id: number
  employee_no: string
  name: string
  active: Flag
  created_at: string
  updated_at: string
}

export interface UserTable {
  id: Generated<number>
  username: string
  display_name: string
  role: string
  password_hash: string
  active: Flag
  must_change_password: Flag
  last_login_at: string | null
  created_at: string
  updated_at: string
}

export interface UserUnitTable {
  user_id: number
  unit_id: number
}

export interface SessionTable {
  /** SHA-256 of the token, hex; the token itself is never stored. */
  id: string
  user_id: number
  expires_at: string
  created_at: string
  renewed_at: string
}

export interface LoginThrottleTable {
  /** "user:<name>" or "client:<hashed address>" */
  key: string
  failures: number
  first_failure_at: string
  locked_until: string | null
}

export interface SettingTable {
  key: string
  value: string
}

export interface QuestionnaireTable {
  id: Generated<number>
  kind: string
  name: string
  description: string | null
  template_key: string | null
  archived: Flag
  created_at: string
  updated_at: string
}

export interface QuestionnaireVersionTable {
  id: Generated<number>
  questionnaire_id: number
  version: number
  status: string
  /** The Definition as JSON. */
  definition: string
  published_at: string | null
  created_at: string
  updated_at: string
}

export interface CampaignTable {
  id: Generated<number>
  name: string
  description: string | null
  /** Local dates (YYYY-MM-DD in the deployment's time zone), both inclusive. */
  starts_on: string
  ends_on: string
  status: string
  questionnaire_id: number
  target_rate: number
  /** Comma-separated levels that count as satisfied, e.g. "3,4,5". */
  satisfied_levels: string
  min_sample: number
  quota_total: number | null
  quota_per_window: number | null
  repeat_interval_hours: number
  min_seconds: number
  /** The picks as JSON: { sectorIds, unitIds, windowIds }; campaign_windows holds the result. */
  scope: string
  /** Weights of the composite score; they sum to 100. */
  weight_citizen: number
  weight_supervisor: number
  weight_inspection: number
  publish_staff_names: Generated<Flag>
  created_at: string
  updated_at: string
}

export interface CampaignPhaseTable {
  id: Generated<number>
  campaign_id: number
  name: string
  starts_on: string
  ends_on: string
}

export interface CampaignWindowTable {
  campaign_id: number
  window_id: number
}

export interface WindowTokenHistoryTable {
  token: string
  window_id: number
  replaced_at: string
}

export interface ApiKeyTable {
  id: Generated<number>
  unit_id: number
  name: string
  prefix: string
  key_hash: string
  created_by: number | null
  created_at: string
  revoked_at: string | null
  last_used_at: string | null
}

export interface KioskTable {
  id: Generated<number>
  window_id: number
  name: string
  token_hash: string
  created_by: number | null
  created_at: string
  revoked_at: string | null
  last_seen_at: string | null
}

export interface OneTimeCodeTable {
  id: Generated<number>
  code: string
  unit_id: number
  window_id: number
  transaction_id: string
  created_by: number | null
  api_key_id: number | null
  created_at: string
  expires_at: string
  used_at: string | null
}

export interface ResponseTable {
  id: Generated<number>
  campaign_id: number
  window_id: number
  staff_id: number | null
  questionnaire_version_id: number
  channel: string
  status: string
  /** Comma-separated reasons when flagged. */
  flag_reasons: string | null
  /** The answers as JSON (without the phone number, which has its own column). */
  answers: string
  overall_level: number | null
  phone: string | null
  tracking_code: string
  /** The browser's idempotency key: a retried submission is stored once. */
  client_key: string | null
  device_hash: string | null
  ip_hash: string | null
  net_hash: string | null
  duration_ms: number | null
  submitted_at: string
  /** Local day (YYYY-MM-DD) and hour (0–23) in the deployment's time zone. */
  day: string
  hour: number
  operator_id: number | null
  kiosk_id: number | null
  one_time_code_id: number | null
  reviewed_by: number | null
  reviewed_at: string | null
  review_reason: string | null
}

export interface ResponseReviewTable {
  id: Generated<number>
  response_id: number
  from_status: string
  to_status: string
  reason: string | null
  user_id: number
  at: string
}

export interface AggLevelTable {
  campaign_id: number
  window_id: number
  day: string
  hour: number
  channel: string
  /** The overall level 1–5 (0: no overall answer). */
  level: number
  n: number
}

/** agg_levels summed per local month (YYYY-MM), for rankings. */
export interface AggWindowMonthTable {
  campaign_id: number
  window_id: number
  month: string
  level: number
  n: number
}

/** agg_levels summed over the windows, for the unscoped overview. */
export interface AggCampaignHourTable {
  campaign_id: number
  day: string
  hour: number
  channel: string
  level: number
  n: number
}

/** agg_answers summed over the windows, for the unscoped overview's dimension scores. */
export interface AggCampaignAnswerTable {
  campaign_id: number
  questionnaire_version_id: number
  question_key: string
  value: string
  day: string
  n: number
}

export interface PublicationTable {
  id: Generated<number>
  campaign_id: number
  title: string
  period_from: string
  period_to: string
  /** The snapshot's canonical JSON text, exactly as hashed; never updated. */
  content: string
  sha256: string
  overall_n: number
  overall_rate: number | null
  published_at: string
  published_by: number
  withdrawn_at: string | null
  withdrawn_by: number | null
  withdraw_reason: string | null
}

export interface AggStaffTable {
  campaign_id: number
  staff_id: number
  day: string
  level: number
  n: number
}

export interface AggAnswerTable {
  campaign_id: number
  window_id: number
  questionnaire_version_id: number
  question_key: string
  /** The answer as text: a level, score, option key, "yes"/"no"; text answers count as "text". */
  value: string
  day: string
  n: number
}

export interface SupervisorProfileTable {
  user_id: number
  /** A built-in kind key (npc_deputy, cppcc_member, …) or a custom label. */
  kind: string
  organisation: string | null
  phone: string | null
  letter_no: string | null
  term_start: string
  term_end: string
  ended_at: string | null
  end_reason: string | null
  created_at: string
  updated_at: string
}

export interface CampaignSupervisionTable {
  campaign_id: number
  visits_per_window_per_month: number | null
  undercover_per_window_per_month: number | null
  updated_at: string
}

export interface CampaignFormTable {
  campaign_id: number
  questionnaire_id: number
}

export interface SupervisorAssignmentTable {
  id: Generated<number>
  campaign_id: number
  supervisor_id: number
  scope: string
  created_at: string
}

export interface AssignmentWindowTable {
  assignment_id: number
  campaign_id: number
  supervisor_id: number
  window_id: number
}

export interface VisitTable {
  id: Generated<number>
  campaign_id: number
  supervisor_id: number
  window_id: number
  questionnaire_version_id: number
  visit_type: string
  visited_at: string
  month: string
  answers: string
  notes: string | null
  status: string
  score: number | null
  inspection_score: number | null
  vetoed: Flag
  has_findings: Flag
  submitted_at: string | null
  annulled_at: string | null
  annulled_by: number | null
  annul_reason: string | null
  created_at: string
  updated_at: string
}

export interface VisitPhotoTable {
  id: Generated<number>
  visit_id: number
  file: string
  mime: string
  bytes: number
  created_at: string
}

export interface AggVisitTable {
  campaign_id: number
  window_id: number
  month: string
  undercover: Flag
  visits: number
  score_sum: number
  score_n: number
  inspection_sum: number
  inspection_n: number
  vetoes: number
}

export interface Database {
  sectors: SectorTable
  units: UnitTable
  windows: WindowTable
  staff: StaffTable
  users: UserTable
  user_units: UserUnitTable
  sessions: SessionTable
  login_throttle: LoginThrottleTable
  settings: SettingTable
  questionnaires: QuestionnaireTable
  questionnaire_versions: QuestionnaireVersionTable
  campaigns: CampaignTable
  campaign_phases: CampaignPhaseTable
  campaign_windows: CampaignWindowTable
  window_token_history: WindowTokenHistoryTable
  api_keys: ApiKeyTable
  kiosks: KioskTable
  one_time_codes: OneTimeCodeTable
  responses: ResponseTable
  response_reviews: ResponseReviewTable
  agg_levels: AggLevelTable
  agg_staff: AggStaffTable
  agg_answers: AggAnswerTable
  supervisor_profiles: SupervisorProfileTable
  campaign_supervision: CampaignSupervisionTable
  campaign_forms: CampaignFormTable
  supervisor_assignments: SupervisorAssignmentTable
  assignment_windows: AssignmentWindowTable
  visits: VisitTable
  visit_photos: VisitPhotoTable
  agg_visits: AggVisitTable
  agg_window_months: AggWindowMonthTable
  agg_campaign_hours: AggCampaignHourTable
  agg_campaign_answers: AggCampaignAnswerTable
  publications: PublicationTable
}

export type SectorRow = Selectable<SectorTable>
export type UnitRow = Selectable<UnitTable>
export type WindowRow = Selectable<WindowTable>
export type StaffRow = Selectable<StaffTable>
export type UserRow = Selectable<UserTable>
export type NewUser = Insertable<UserTable>
export type UserUpdate = Updateable<UserTable>
