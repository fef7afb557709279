import { sql } from 'kysely';
import type { Roster } from '../../roster.js';

export interface ExtensionStatus {
  /** The window: a person reports when one of their tokens was used within it. */
  days: number;
  /** Active reporting tokens by how they were issued (link and sso: authenticated mode; enrollment: unauthenticated). */
  tokensByMode: { authenticated: number; unauthenticated: number; issuedByAdmin: number };
  peopleReporting: number;
  /** Current employees with no token used within the window, by email. */
  notReporting: { email: string; name: string | null; lastReportedAt: string | null }[];
}

/**
 * Who the extension reports for: current employees (by the employee source of truth) whose extension has
 * not reported within `days` — not installed, not signed in, or silent.
 */
export async function extensionStatus(
  roster: Roster,
  days: number,
  now = new Date(),
): Promise<ExtensionStatus> {
  const { db } = roster.database;
  const since = new Date(now.getTime() - days * 86_400_000);
  const { rows: modes } = await sql<{ via: string; n: number }>`
    select issued_via as via, count(*)::int as n from extension_tokens
    where kind = 'reporting' and revoked_at is null group by issued_via`.execute(db);
  const count = (...vias: string[]) => modes.filter((m) => vias.includes(m.via)).reduce((a, m) => a + m.n, 0);
  const { rows: reporting } = await sql<{ n: number }>`
    select count(distinct email)::int as n from extension_tokens
    where kind = 'reporting' and revoked_at is null and last_used_at >= ${since}`.execute(db);
  const { rows: silent } = await sql<{ email: string; name: string | null; last: Date | null }>`
    select e.email, max(e.name) as name, max(t.last_used_at) as last
    from employees_of_record e
    left join extension_tokens t on t.email = e.email and t.kind = 'reporting' and t.revoked_at is null
    where e.status = 'active' and e.removed_at is null
    group by e.email
    having max(t.last_used_at) is null or max(t.last_used_at) < ${since}
    order by e.email`.execute(db);
  return {
    days,
    tokensByMode: {
      authenticated: count('link', 'sso'),
      unauthenticated: count('enrollment'),
      issuedByAdmin: count('admin'),
    },
    peopleReporting: reporting[0]?.n ?? 0,
    notReporting: silent.map((r) => ({
      email: r.email,
      name: r.name,
      lastReportedAt: r.last ? new Date(r.last).toISOString() : null,
    })),
  };
}
