export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
const RANK: Record<LogLevel | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

export type LogFields = Record<string, unknown>
export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
}

// Field names whose values never reach a log line, whatever a caller passes.
const SECRET_KEYS = /pass(word)?|token|secret|cookie|authorization|phone|mobile|^ip$|address/i
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/g
const IPV4 = /(?<![\d.])(\d{1,3}\.){3}\d{1,3}(?![\d.])/g

/** Replaces secrets and personal data in log fields (by key, and phone numbers or IPv4 addresses inside text). */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(PHONE, '[phone]').replace(IPV4, '[ip]')
  if (value instanceof Error) return { name: value.name, message: redact(value.message), stack: value.stack?.split('\n').slice(0, 8).join('\n') }
  if (Array.isArray(value)) return depth > 4 ? '[…]' : value.map((v) => redact(v, depth + 1))
  if (value && typeof value === 'object') {
    if (depth > 4) return '[…]'
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1)]),
    )
  }
  return value
}

/** A JSON-lines logger; `write` defaults to stdout. */
export function createLogger(level: LogLevel | 'silent' = 'info', write: (line: string) => void = (l) => process.stdout.write(l)): Logger {
  const emit = (lvl: LogLevel, msg: string, fields?: LogFields) => {
    if (RANK[lvl] < RANK[level]) return
    const record = { time: new Date().toISOString(), level: lvl, msg, ...(fields ? (redact(fields) as LogFields) : {}) }
    write(JSON.stringify(record) + '\n')
  }
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  }
}
