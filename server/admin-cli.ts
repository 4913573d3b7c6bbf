import { openDatabase } from '../db/connect'
import { migrateToLatest } from '../db/migrate'
import { randomPassword } from './auth/password'
import { ConfigError, loadConfig } from './config'
import { setPassword } from './users/service'

const USAGE = 'usage: npm run admin -- reset-password <username>'

/** Recovers access: `reset-password <user>` sets a new random password, enables the account and prints it once. */
async function main(argv: string[]) {
  const [command, username] = argv
  if (command !== 'reset-password' || !username) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const config = loadConfig()
  const handle = openDatabase(config.DATABASE_URL)
  try {
    await migrateToLatest(handle.db)
    const user = await handle.db.selectFrom('users').select(['id']).where('username', '=', username.toLowerCase()).executeTakeFirst()
    if (!user) {
      process.stderr.write(`manyi: no user named ${username}\n`)
      return 1
    }
    const password = randomPassword()
    await setPassword(handle.db, user.id, password, false, new Date())
    await handle.db.updateTable('users').set({ active: 1 }).where('id', '=', user.id).execute()
    await handle.db.deleteFrom('login_throttle').where('key', '=', `user:${username.toLowerCase()}`).execute()
    process.stdout.write(`New password for ${username} / ${username} 的新密码: ${password}\n`)
    return 0
  } finally {
    await handle.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`manyi: ${e instanceof ConfigError ? e.message : e instanceof Error ? e.message : String(e)}\n`)
    process.exit(1)
  },
)
