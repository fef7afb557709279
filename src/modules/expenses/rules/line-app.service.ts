import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { invalidInput, notFound } from '../../../lib/errors.js';
import type { Roster } from '../../../roster.js';
import { writeAudit } from '../../audit/audit.repo.js';
import { deriveExpenseLines } from '../derive.js';
import type { LineAppView } from './expense-rules.schemas.js';
import { lockDerivations } from './expense-rules.service.js';

async function lineView(db: Kysely<DB>, id: number): Promise<LineAppView> {
  const row = await db
    .selectFrom('expense_lines as l')
    .leftJoin('apps as a', 'a.id', 'l.app_id')
    .select(['l.id', 'l.app_id', 'a.name', 'l.manual_app_id', 'l.manual_by', 'l.status'])
    .where('l.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`No expense line ${id}`);
  return {
    id: Number(row.id),
    appId: row.app_id === null ? null : Number(row.app_id),
    app: row.name,
    manualAppId: row.manual_app_id === null ? null : Number(row.manual_app_id),
    manualBy: row.manual_by,
    status: row.status,
  };
}

/**
 * An admin's app for one line, over any rule or automatic match (and over an Ignore rule); `null` returns
 * the line to its rules. Audited; the line's duplicates are derived again in the same transaction.
 */
export async function setLineApp(
  roster: Roster,
  actor: string,
  lineId: number,
  appRef: string | null,
): Promise<LineAppView> {
  const { db } = roster.database;
  await db.transaction().execute(async (trx) => {
    await lockDerivations(trx);
    const line = await trx
      .selectFrom('expense_lines')
      .select(['id', 'source_id', 'manual_app_id'])
      .where('id', '=', lineId)
      .forUpdate()
      .executeTakeFirst();
    if (!line) throw notFound(`No expense line ${lineId}`);
    let appId: number | null = null;
    if (appRef !== null) {
      const ref = appRef.trim();
      const app = await trx
        .selectFrom('apps')
        .select('id')
        .where((eb) =>
          /^\d+$/.test(ref) ? eb('id', '=', Number(ref)) : eb(sql`lower(name)`, '=', ref.toLowerCase()),
        )
        .executeTakeFirst();
      if (!app)
        throw invalidInput(`No app "${ref}"`, [
          { field: 'app', message: `no app named or numbered "${ref}"` },
        ]);
      appId = Number(app.id);
    }
    await trx
      .updateTable('expense_lines')
      .set({
        manual_app_id: appId,
        manual_by: appId === null ? null : actor,
        manual_at: appId === null ? null : new Date(),
      })
      .where('id', '=', lineId)
      .execute();
    await deriveExpenseLines(trx, { sourceIds: [Number(line.source_id)] });
    await writeAudit(trx, {
      actor,
      action: 'expense-line.set-app',
      targetType: 'expense-line',
      targetId: lineId,
      before: { manualAppId: line.manual_app_id },
      after: { manualAppId: appId },
    });
  });
  return lineView(db, lineId);
}
