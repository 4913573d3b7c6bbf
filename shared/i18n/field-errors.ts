import type { core } from 'zod'
import { isMessageKey, message, type MessageKey } from './errors'
import type { Locale } from './locale'

/** One localised validation problem, addressed by a dotted field path ("unitId", "items.3.name"). */
export interface FieldError {
  path: string
  code: string
  message: string
}

type Issue = Pick<core.$ZodIssue, 'code' | 'path' | 'message'>

/** Turns zod issues into localised field errors; a custom issue may carry a message key as its message. */
export function fieldErrors(issues: readonly Issue[], locale: Locale): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.')
    const [key, params] = issueMessage(issue)
    return { path, code: key, message: message(locale, key, params) }
  })
}

/** The message key (and its parameters) that describes one zod issue. */
export function issueMessage(zodIssue: Issue): [MessageKey, Record<string, string | number>?] {
  if (isMessageKey(zodIssue.message)) return [zodIssue.message]
  const issue = zodIssue as Issue & Record<string, unknown>
  switch (issue.code) {
    case 'invalid_type':
      return issue['expected'] === 'int' ? ['field_not_integer'] : ['field_invalid_type']
    case 'too_small':
      if (issue['origin'] === 'array' || issue['origin'] === 'set') return ['field_too_few', { min: Number(issue['minimum']) }]
      if (issue['origin'] === 'string') {
        return Number(issue['minimum']) <= 1 ? ['field_required'] : ['field_too_short', { min: Number(issue['minimum']) }]
      }
      return ['field_too_small', { min: Number(issue['minimum']) }]
    case 'too_big':
      if (issue['origin'] === 'array' || issue['origin'] === 'set') return ['field_too_many', { max: Number(issue['maximum']) }]
      return issue['origin'] === 'string'
        ? ['field_too_long', { max: Number(issue['maximum']) }]
        : ['field_too_big', { max: Number(issue['maximum']) }]
    case 'invalid_value':
      return ['field_invalid_value']
    case 'invalid_format':
      return ['field_invalid_format']
    case 'unrecognized_keys':
      return ['field_unknown_key', { keys: ((issue['keys'] as string[] | undefined) ?? []).join(', ') }]
    default:
      return ['field_invalid_format']
  }
}
