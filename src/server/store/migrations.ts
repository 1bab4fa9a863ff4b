import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/**
 * The schema's history. Migrations are code (not files read at run time) so
 * the bundled server carries them; only column types differ per dialect.
 */
export function migrations(dialect: DialectName): Record<string, Migration> {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    '0001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('orgs')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull().unique())
          .addColumn('agreement_signed_on', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('tokens')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('org_id', 'text', (c) => c.references('orgs.id'))
          .addColumn('person', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .execute();

        await db.schema
          .createTable('submissions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
          .addColumn('token_id', 'text', (c) => c.notNull().references('tokens.id'))
          .addColumn('person', 'text', (c) => c.notNull())
          .addColumn('idempotency_key', 'text')
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('file_name', 'text', (c) => c.notNull())
          .addColumn('sheet', 'text')
          .addColumn('header_row', 'integer')
          .addColumn('period_start', 'text', (c) => c.notNull())
          .addColumn('period_end', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('record_count', 'integer', (c) => c.notNull())
          .addColumn('error_count', 'integer', (c) => c.notNull())
          .addColumn('warning_count', 'integer', (c) => c.notNull())
          .addColumn('engine_version', 'text', (c) => c.notNull())
          .addColumn('collection_id', 'text', (c) => c.notNull())
          .addColumn('summary_json', 'text', (c) => c.notNull())
          .addColumn('report_json', 'text', (c) => c.notNull())
          .execute();
        // Concurrent retries with one Idempotency-Key cannot both insert (NULL keys never collide).
        await db.schema.createIndex('submissions_org_idempotency_key').on('submissions').columns(['org_id', 'idempotency_key']).unique().execute();
        await db.schema.createIndex('submissions_org_received').on('submissions').columns(['org_id', 'received_at']).execute();
        await db.schema.createIndex('submissions_period').on('submissions').columns(['period_start', 'period_end', 'org_id']).execute();

        await db.schema
          .createTable('submission_files')
          .addColumn('submission_id', 'text', (c) => c.primaryKey().references('submissions.id').onDelete('cascade'))
          .addColumn('file_name', 'text', (c) => c.notNull())
          .addColumn('content_type', 'text', (c) => c.notNull())
          .addColumn('size', 'integer', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('bytes', sql.raw(blob), (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('records')
          .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
          .addColumn('row_number', 'integer', (c) => c.notNull())
          .addColumn('event_date', 'text')
          .addColumn('engagement', 'text')
          .addColumn('attendees', 'integer')
          .addColumn('flagged', 'integer', (c) => c.notNull())
          .addColumn('values_json', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('records_pk', ['submission_id', 'row_number'])
          .execute();

        await db.schema
          .createTable('issues')
          .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('row_number', 'integer')
          .addColumn('column_letter', 'text')
          .addColumn('field', 'text')
          .addColumn('severity', 'text', (c) => c.notNull())
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('message', 'text', (c) => c.notNull())
          .addColumn('value', 'text')
          .addPrimaryKeyConstraint('issues_pk', ['submission_id', 'seq'])
          .execute();

        await db.schema
          .createTable('audit_log')
          .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor_type', 'text', (c) => c.notNull())
          .addColumn('actor_token_id', 'text')
          .addColumn('actor_person', 'text')
          .addColumn('actor_role', 'text')
          .addColumn('actor_org_id', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('target_org_id', 'text')
          .addColumn('submission_id', 'text')
          .addColumn('detail', 'text')
          .execute();
        await db.schema.createIndex('audit_log_actor_org').on('audit_log').columns(['actor_org_id', 'id']).execute();
        await db.schema.createIndex('audit_log_target_org').on('audit_log').columns(['target_org_id', 'id']).execute();
      },
    },
    '0002_annotated_and_withdrawn': {
      async up(db: Kysely<unknown>) {
        // The annotated workbook, built once when the submission is stored; or why it could not be built.
        await db.schema
          .createTable('submission_annotated')
          .addColumn('submission_id', 'text', (c) => c.primaryKey().references('submissions.id').onDelete('cascade'))
          .addColumn('built_at', 'text', (c) => c.notNull())
          .addColumn('size', 'integer', (c) => c.notNull())
          .addColumn('bytes', sql.raw(blob))
          .addColumn('failure_code', 'text')
          .addColumn('failure_message', 'text')
          .execute();
        // A withdrawn submission is kept but leaves the aggregate.
        await db.schema.alterTable('submissions').addColumn('withdrawn_at', 'text').execute();
        await db.schema.alterTable('submissions').addColumn('withdrawn_by', 'text').execute();
      },
    },
    // Records of a workbook read as several tables (one sheet per month): the same row number on
    // two sheets is two records. Each record keeps its sheet and its place in the report.
    '0003_records_by_sheet': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('records_by_sheet')
          .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('sheet', 'text')
          .addColumn('row_number', 'integer', (c) => c.notNull())
          .addColumn('event_date', 'text')
          .addColumn('engagement', 'text')
          .addColumn('attendees', 'integer')
          .addColumn('flagged', 'integer', (c) => c.notNull())
          .addColumn('values_json', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('records_by_sheet_pk', ['submission_id', 'seq'])
          .execute();
        await sql`insert into records_by_sheet (submission_id, seq, sheet, row_number, event_date, engagement, attendees, flagged, values_json)
          select submission_id, row_number, null, row_number, event_date, engagement, attendees, flagged, values_json from records`.execute(db);
        await db.schema.dropTable('records').execute();
        await db.schema.alterTable('records_by_sheet').renameTo('records').execute();
      },
    },
    // What a retry with the same Idempotency-Key must match: a hash of the file (or posted JSON) and the options sent with it.
    '0004_request_hash': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('submissions').addColumn('request_hash', 'text').execute();
      },
    },
    '0005_population': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('population')
          .addColumn('zip', 'text', (c) => c.primaryKey())
          .addColumn('children_under5', 'integer', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('imported_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0006_retention': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('submissions').addColumn('purged_at', 'text').execute();
        await db.schema.alterTable('submissions').addColumn('purged_by', 'text').execute();
      },
    },
  };
}

export function migrationProvider(dialect: DialectName): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
