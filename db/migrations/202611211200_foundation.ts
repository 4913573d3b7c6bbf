import { withId, withTimestamps, type MigrationDb } from './helpers'

export async function up(db: MigrationDb): Promise<void> {
  await withTimestamps(
    withId(db, db.schema.createTable('sectors'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('code', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute()

  await withTimestamps(
    withId(db, db.schema.createTable('units'))
      .addColumn('sector_id', 'integer', (c) => c.notNull().references('sectors.id'))
      .addColumn('parent_id', 'integer', (c) => c.references('units.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('code', 'text')
      .addColumn('address', 'text')
      .addColumn('hotline', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute()
  await db.schema.createIndex('units_parent_idx').on('units').column('parent_id').execute()
  await db.schema.createIndex('units_sector_idx').on('units').column('sector_id').execute()

  await withTimestamps(
    withId(db, db.schema.createTable('windows'))
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().defaultTo('window'))
      .addColumn('location', 'text')
      .addColumn('opening_hours', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('windows_unit_code_unique', ['unit_id', 'code']),
  ).execute()

  await withTimestamps(
    withId(db, db.schema.createTable('staff'))
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('window_id', 'integer', (c) => c.notNull().references('windows.id'))
      .addColumn('employee_no', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('staff_unit_employee_no_unique', ['unit_id', 'employee_no']),
  ).execute()
  await db.schema.createIndex('staff_window_idx').on('staff').column('window_id').execute()

  await withTimestamps(
    withId(db, db.schema.createTable('users'))
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_login_at', 'text'),
  ).execute()

  await db.schema
    .createTable('user_units')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('user_units_pk', ['user_id', 'unit_id'])
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('renewed_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute()
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute()

  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey().notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('first_failure_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute()
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only')
}
