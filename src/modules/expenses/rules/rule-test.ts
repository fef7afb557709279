import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { notFound } from '../../../lib/errors.js';
import { loadMatchingIndex, loadRules } from '../matching/apply-matching.js';
import { type DescriptorDecision, decideDescriptor } from '../matching/decide.js';
import { normaliseDescriptor } from '../matching/normalise.js';
import { compileRule, compileRules, type RuleDefinition } from '../matching/rules.js';
import type { Similarity } from '../matching/suggestions.js';
import type { RuleInput, RuleTest } from './expense-rules.schemas.js';
import { checkRule } from './expense-rules.service.js';

interface DescriptorTotals {
  id: number;
  vendor: string;
  description: string;
  lines: number;
  amount: number;
}

/**
 * Lines per descriptor that a rule can move: those set by hand keep their app, and excluded and itemised
 * lines count in no figure whatever their app.
 */
async function descriptorTotals(db: Kysely<DB>): Promise<DescriptorTotals[]> {
  const rows = await sql<DescriptorTotals>`
    select d.id, d.vendor, d.description, count(*)::int as lines, coalesce(sum(l.amount_converted), 0)::float8 as amount
    from expense_lines l join expense_descriptors d on d.id = l.descriptor_id
    where l.manual_app_id is null and not l.excluded and l.counted_item
    group by d.id, d.vendor, d.description`.execute(db);
  return rows.rows.map((r) => ({ ...r, id: Number(r.id), lines: Number(r.lines), amount: Number(r.amount) }));
}

/** Suggestions are not part of a preview. */
const noSimilarity: Similarity = { closest: () => [] };

const outcome = (d: DescriptorDecision) => (d.ignored ? 'ignored' : d.app ? 'matched' : 'unmatched');
const sameOutcome = (a: DescriptorDecision, b: DescriptorDecision) =>
  a.ignored === b.ignored && (a.app?.key ?? null) === (b.app?.key ?? null);

/**
 * What a rule would do to the history: the lines it meets and decides, every line's outcome without it and
 * with it, and the lines it takes from another rule, from automatic matching or from unmatched. `id` tests
 * an existing rule (before = without it); otherwise the rule given is tested as if added.
 */
export async function testRule(db: Kysely<DB>, request: { id: number } | RuleInput): Promise<RuleTest> {
  const existing = await loadRules(db);
  let tested: RuleDefinition;
  let appName: string | null;
  if ('id' in request) {
    const found = existing.find((r) => r.id === request.id);
    if (!found) throw notFound(`No expense rule ${request.id}`);
    tested = found;
    appName = found.appId
      ? ((await db.selectFrom('apps').select('name').where('id', '=', found.appId).executeTakeFirst())
          ?.name ?? null)
      : null;
  } else {
    const checked = await checkRule(db, request);
    // A new rule runs after the existing rules of its priority.
    tested = { id: Number.MAX_SAFE_INTEGER, ...checked };
    appName = checked.app;
  }
  const others = existing.filter((r) => r.id !== tested.id);
  const without = compileRules(others);
  const withRule = compileRules([...others, tested]);
  const meets = compileRule(tested);
  const { matcher } = await loadMatchingIndex(db);
  const appNames = new Map(
    (await db.selectFrom('apps').select(['id', 'name']).execute()).map((a) => [`app:${a.id}`, a.name]),
  );
  const nameOf = (d: DescriptorDecision) => (d.app ? d.app.name || appNames.get(d.app.key) || null : null);

  const empty = () => ({ lines: 0, amount: 0 });
  const result: RuleTest = {
    rule: {
      id: 'id' in request ? tested.id : null,
      action: tested.action,
      app: appName,
      field: tested.field,
      op: tested.op,
      value: tested.value,
      priority: tested.priority,
    },
    meets: empty(),
    decides: empty(),
    before: { matched: empty(), ignored: empty(), unmatched: empty() },
    after: { matched: empty(), ignored: empty(), unmatched: empty() },
    takes: [],
    examples: [],
  };
  const takes = new Map<string, RuleTest['takes'][number]>();
  const decided: DescriptorTotals[] = [];
  const add = (t: { lines: number; amount: number }, d: DescriptorTotals) => {
    t.lines += d.lines;
    t.amount += d.amount;
  };
  for (const d of await descriptorTotals(db)) {
    const normalised = normaliseDescriptor(d.vendor, d.description);
    const before = decideDescriptor({ ...d, normalised }, without, matcher, noSimilarity);
    const after = decideDescriptor({ ...d, normalised }, withRule, matcher, noSimilarity);
    add(result.before[outcome(before)], d);
    add(result.after[outcome(after)], d);
    if (meets(d)) add(result.meets, d);
    if (after.ruleId !== tested.id || after.matchKind !== 'rule') continue;
    add(result.decides, d);
    decided.push(d);
    if (sameOutcome(before, after)) continue;
    const from = before.matchKind ?? 'unmatched';
    const key = `${from}|${before.ruleId}|${before.alias}|${before.app?.key}|${before.ignored}`;
    let taken = takes.get(key);
    if (!taken) {
      taken = {
        from,
        ruleId: before.ruleId,
        alias: before.alias,
        app: nameOf(before),
        ignored: before.ignored,
        lines: 0,
        amount: 0,
        examples: [],
      };
      takes.set(key, taken);
    }
    add(taken, d);
    if (taken.examples.length < 5) taken.examples.push(d.vendor);
  }
  result.takes = [...takes.values()].sort((a, b) => b.amount - a.amount || b.lines - a.lines);
  result.examples = decided
    .sort((a, b) => b.amount - a.amount || b.lines - a.lines)
    .slice(0, 10)
    .map(({ vendor, description, lines, amount }) => ({ vendor, description, lines, amount }));
  return result;
}
