// This file imports nothing, so Roster's own tests (built for Node, not by the console's bundler) test it.

interface Detail {
  path?: string;
  field?: string;
  message: string;
}

/**
 * The API's error details (an `ApiError`'s) by document path (`actions[1].url`), to show each beside its
 * field; other errors have none.
 */
export function errorsByPath(error: unknown): Record<string, string> {
  const details = (error as { details?: unknown } | null)?.details;
  if (!Array.isArray(details)) return {};
  const byPath: Record<string, string> = {};
  for (const detail of details as Detail[]) {
    const path = detail.path ?? detail.field;
    if (path) byPath[path] = byPath[path] ? `${byPath[path]}; ${detail.message}` : detail.message;
  }
  return byPath;
}

/** The API's message for this path or anything inside it (`trigger.schedule.at` shows on `schedule`). */
export function errorUnder(errors: Record<string, string>, path: string): string | undefined {
  const messages = Object.entries(errors)
    .filter(([p]) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`))
    .map(([p, m]) => (p === path ? m : `${p.slice(path.length).replace(/^\./, '')}: ${m}`));
  return messages.length ? messages.join('; ') : undefined;
}
