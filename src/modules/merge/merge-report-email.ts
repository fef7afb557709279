import { sendMail } from '../../lib/mailer.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import { previewMerge } from './merge.service.js';
import { mergeReportText } from './merge-report-text.js';

/**
 * Emails the full Merge Users changes report (every person's addresses leave Roster), and records who
 * sent it to whom in the audit log once the mail server accepted it.
 */
export async function emailMergeReport(roster: Roster, actor: string, to: string): Promise<void> {
  const report = await previewMerge(roster);
  await sendMail(roster.config, {
    to,
    subject: 'Roster: Merge Users changes report',
    text: mergeReportText(report),
  });
  await writeAudit(roster.database.db, {
    actor,
    action: 'merge.report-email',
    targetType: 'merge',
    after: { to },
  });
}
