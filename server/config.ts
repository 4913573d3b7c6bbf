import { z } from 'zod'
import { DEFAULT_DATABASE_URL } from '../db/connect'

const flag = (fallback: boolean) =>
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], { error: 'expected 1/0, true/false, yes/no or on/off' })
    .optional()
    .transform((v) => (v === undefined ? fallback : ['1', 'true', 'yes', 'on'].includes(v)))

const ConfigSchema = z.object({
  PORT: z.coerce.number({ error: 'expected a port number' }).int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .min(1)
    .default(DEFAULT_DATABASE_URL)
    .refine((u) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(u) || /^postgres(ql)?:\/\//i.test(u), 'expected postgres://…, sqlite:<path> or a file path'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://manyi.example.gov.cn' })
    .optional()
    .transform((u) => u?.replace(/\/+$/, '')),
  TRUST_PROXY: flag(false),
  /** Where visit photos are kept (outside the database). */
  UPLOAD_DIR: z.string().min(1).default('./data/uploads'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  MANYI_DEMO: flag(true),
  /** Days of demo responses (and a demo campaign) to generate with the demo organisation; 0 for none. */
  MANYI_DEMO_DAYS: z.coerce.number({ error: 'expected a number of days' }).int().min(0).max(365).default(90),
  TZ: z
    .string()
    .default('Asia/Shanghai')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz })
        return true
      } catch {
        return false
      }
    }, 'expected an IANA time zone such as Asia/Shanghai'),
})

export type Config = z.infer<typeof ConfigSchema> & { PUBLIC_URL: string }

export class ConfigError extends Error {}

/** Reads and validates configuration from environment variables; a bad value throws one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const result = ConfigSchema.safeParse(input)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const name = String(issue.path[0])
    throw new ConfigError(`Invalid ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`)
  }
  const config = result.data
  return { ...config, PUBLIC_URL: config.PUBLIC_URL ?? `http://localhost:${config.PORT}` }
}
