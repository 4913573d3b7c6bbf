import type { Migration } from 'kysely'
import * as foundation from './202611211200_foundation'
import * as surveys from './202611211400_surveys'
import * as supervision from './202611211600_supervision'
import * as compositeWeights from './202611211700_composite_weights'
import * as rollupsPublications from './202611212000_rollups_publications'
import * as countersKeyed from './202611221000_counters_keyed'

/** Every migration, by name, in order. Static imports: no directory scanning. Frozen once landed. */
export const migrations: Record<string, Migration> = {
  '202611211200_foundation': foundation,
  '202611211400_surveys': surveys,
  '202611211600_supervision': supervision,
  '202611211700_composite_weights': compositeWeights,
  '202611212000_rollups_publications': rollupsPublications,
  '202611221000_counters_keyed': countersKeyed,
}
