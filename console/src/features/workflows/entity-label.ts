/**
 * A short name for the entity a run or a match is about ({ person: { email }, app: { name } } → the
 * email), read from the fields Roster keeps with it; other entities show their kind.
 */
export function entityLabel(entity: Record<string, unknown>): string {
  const read = (kind: string, field: string) => {
    const value = (entity[kind] as Record<string, unknown> | undefined)?.[field];
    return typeof value === 'string' && value ? value : null;
  };
  const label =
    read('account', 'email') ?? read('person', 'email') ?? read('app', 'name') ?? read('source', 'name');
  const app = read('app', 'name');
  if (label && app && label !== app) return `${label} · ${app}`;
  return label ?? (Object.keys(entity).join(', ') || '—');
}

/** A run's time from start to finish; empty while it has not finished. */
export function durationText(startedAt: string | null, finishedAt: string | null): string {
  if (!startedAt || !finishedAt) return '';
  return msText(new Date(finishedAt).getTime() - new Date(startedAt).getTime());
}

export const msText = (ms: number) =>
  ms < 1000 ? `${Math.max(0, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
