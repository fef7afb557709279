import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { evaluateMatchesWorkflows, evaluateWorkflow } from '../src/modules/workflows/evaluate-workflows.js';
import { workflowActions } from '../src/modules/workflows/workflow-actions.js';
import { saveWorkflow } from '../src/modules/workflows/workflows.service.js';
import { openRoster } from '../src/roster.js';
import { timed } from './server.js';

/**
 * WORKFLOWS enabled "matches" workflows over PEOPLE people and ACCOUNTS accounts (APPS apps), evaluated as
 * after a sync: first when every match is new (runs are written with the entity's snapshot), then again
 * with nothing changed. Beside it, in the same run: each workflow's conditions as one hand-written SQL
 * query, run one after another. Embedded database (PGlite).
 */
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 50_000);
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1_000_000);
const APPS = 200;
const WORKFLOWS = Number(process.env.BENCH_WORKFLOWS ?? 100);
const perPerson = Math.ceil(ACCOUNTS / PEOPLE);

/** The four shapes workflow i cycles through (i % 4), as the per-shape table names them. */
const shapes = [
  'an app, more than n days since last use (accounts)',
  'admin accounts of past people (accounts and their person)',
  'a department, past or cost centre over 900 (people, nested any)',
  'two apps, status not active (accounts)',
];

/** Workflow i: its conditions, and the same conditions as a person would write them in SQL. */
function workflowAt(i: number): { entity: 'account' | 'person'; conditions: unknown; handWritten: string } {
  const app = `App ${i % APPS}`;
  const days = 30 + (i % 60);
  const department = `Dept ${i % 10}`;
  switch (i % 4) {
    case 0:
      return {
        entity: 'account',
        conditions: {
          all: [
            { field: 'app.name', op: 'equals', value: app },
            { field: 'account.last_used_at', op: 'days_since', value: { gt: days } },
          ],
        },
        handWritten: `select ac.id from accounts ac join apps a on a.id = ac.app_id where a.name = '${app}'
          and (select max(last_used_at) from usage where account_id = ac.id) < now() - interval '${days} days'`,
      };
    case 1:
      return {
        entity: 'account',
        conditions: {
          all: [
            { field: 'account.role', op: 'equals', value: 'admin' },
            { field: 'person.status', op: 'equals', value: 'past' },
          ],
        },
        handWritten: `select ac.id from accounts ac left join person_links pl on pl.user_id = ac.user_id
          join users u on u.id = coalesce(pl.primary_user_id, ac.user_id)
          where ac.role = 'admin' and exists (select 1 from employees_of_record e where e.email = u.email
            and e.removed_at is null and e.status = 'terminated')`,
      };
    case 2:
      return {
        entity: 'person',
        conditions: {
          all: [
            { field: 'person.department', op: 'equals', value: department },
            {
              any: [
                { field: 'person.status', op: 'equals', value: 'past' },
                { field: 'person.fields.cost_center', op: 'gt', value: 900 },
              ],
            },
          ],
        },
        handWritten: `select u.id from users u join employees_of_record e on e.email = u.email and e.removed_at is null
          where not exists (select 1 from person_links l where l.user_id = u.id) and e.department = '${department}'
            and (e.status = 'terminated' or (e.attributes ->> 'cost_center')::numeric > 900)`,
      };
    default:
      return {
        entity: 'account',
        conditions: {
          all: [
            { field: 'app.name', op: 'in', value: [app, `App ${(i + 1) % APPS}`] },
            { field: 'account.status', op: 'not_equals', value: 'active' },
          ],
        },
        handWritten: `select ac.id from accounts ac join apps a on a.id = ac.app_id
          where a.name in ('${app}', 'App ${(i + 1) % APPS}') and ac.status <> 'active'`,
      };
  }
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'roster-bench-workflows-'));
  const roster = await openRoster(loadConfig({ ROSTER_DATA_DIR: dir, ROSTER_LOG_LEVEL: 'silent' }));
  const { db } = roster.database;
  try {
    const seeded = await timed(async () => {
      const source = await db
        .insertInto('sources')
        .values({
          kind: 'hr-csv',
          name: 'HR',
          config: JSON.stringify({ file: 'hr.csv', fields: ['cost_center'] }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`insert into users (email, domain) select 'p' || g || '@acme.io', 'acme.io' from generate_series(1, ${PEOPLE}::int) g`.execute(
        db,
      );
      await sql`insert into employees (source_id, email, name, status, department, attributes)
        select ${source.id}::bigint, 'p' || g || '@acme.io', 'Person ' || g,
               case when g % 10 = 0 then 'terminated' else 'active' end, 'Dept ' || (g % 10),
               jsonb_build_object('cost_center', (g % 1000)::text)
        from generate_series(1, ${PEOPLE}::int) g`.execute(db);
      await sql`insert into apps (name) select 'App ' || g from generate_series(0, ${APPS - 1}::int) g`.execute(
        db,
      );
      await sql`insert into app_instances (app_id, source_id) select id, ${source.id}::bigint from apps`.execute(
        db,
      );
      await sql`insert into accounts (app_id, instance_id, user_id, status, role, first_seen_at)
        select i.app_id, i.id, u.id, case when (u.id + k) % 17 = 0 then 'suspended' else 'active' end,
               case when (u.id + k) % 97 = 0 then 'admin' end, now()
        from users u cross join generate_series(0, ${perPerson - 1}::int) k
        join app_instances i on i.app_id = (select min(id) from apps) + ((u.id * 7 + k) % ${APPS})
        limit ${ACCOUNTS}`.execute(db);
      await sql`insert into account_observations (account_id, source_id, app_id, user_id, status, role, last_used_at, first_seen_at)
        select ac.id, ${source.id}::bigint, ac.app_id, ac.user_id, ac.status, ac.role,
               now() - make_interval(days => (ac.id % 200)::int), now()
        from accounts ac`.execute(db);
      await sql`vacuum analyze`.execute(db);
    });
    const actions = workflowActions(roster);
    const workflows = Array.from({ length: WORKFLOWS }, (_, i) => workflowAt(i));
    const saved: Awaited<ReturnType<typeof saveWorkflow>>[] = [];
    for (const [i, w] of workflows.entries())
      saved[i] = await saveWorkflow(
        roster,
        'bench',
        {
          name: `wf ${i}`,
          enabled: true,
          trigger: { type: 'matches', entity: w.entity },
          conditions: w.conditions,
          actions: [{ type: 'offboarding.start' }],
        },
        'create',
        { actions },
      );
    let matched = 0;
    const handWritten = await timed(async () => {
      for (const w of workflows) matched += (await sql.raw(w.handWritten).execute(db)).rows.length;
    });
    const first = await timed(() => evaluateMatchesWorkflows(roster, 'bench:1'));
    const again = await timed(() => evaluateMatchesWorkflows(roster, 'bench:2'));
    const handAgain = await timed(async () => {
      for (const w of workflows) await sql.raw(w.handWritten).execute(db);
    });
    const baseline = Math.min(handWritten.seconds, handAgain.seconds);
    // Each shape apart, nothing changed: its workflows through the engine, then by hand.
    const perShape = [];
    for (const [shape, name] of shapes.entries()) {
      const ofShape = [...workflows.keys()].filter((i) => i % shapes.length === shape);
      const engine = await timed(async () => {
        for (const i of ofShape)
          await evaluateWorkflow(db, saved[i]!, {
            occasion: 'bench:3',
            now: new Date(),
            trigger: { type: 'matches', occasion: 'bench:3' },
          });
      });
      const hand = await timed(async () => {
        for (const i of ofShape) await sql.raw(workflows[i]!.handWritten).execute(db);
      });
      perShape.push(
        `| ${name} | ${ofShape.length} | ${hand.seconds.toFixed(2)} | ${engine.seconds.toFixed(2)} | ${(engine.seconds / hand.seconds).toFixed(2)} |`,
      );
    }
    const lines = [
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average at the end ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}`,
      `Seeded ${PEOPLE} people, ${ACCOUNTS} accounts in ${APPS} apps in ${seeded.seconds.toFixed(1)} s; ${WORKFLOWS} workflows`,
      `| step | seconds | × hand-written |`,
      `| --- | ---: | ---: |`,
      `| hand-written SQL, one query per workflow (${matched} rows; best of two) | ${baseline.toFixed(2)} | 1.00 |`,
      `| engine, first evaluation (${first.value} runs written with snapshots) | ${first.seconds.toFixed(2)} | ${(first.seconds / baseline).toFixed(2)} |`,
      `| engine, again with nothing changed (${again.value} runs) | ${again.seconds.toFixed(2)} | ${(again.seconds / baseline).toFixed(2)} |`,
      '',
      `| shape, nothing changed | workflows | hand-written s | engine s | × |`,
      `| --- | ---: | ---: | ---: | ---: |`,
      ...perShape,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await roster.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
