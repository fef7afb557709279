/**
 * Each formatter is built on first use: building an Intl formatter loads locale data, tens of
 * milliseconds on a first visit, and most pages need only one or two of them.
 */
const once = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};
const number = once(() => new Intl.NumberFormat('en'));
const moneyFormats = new Map<string, Intl.NumberFormat>();
/** One formatter per currency, built on first use; whole units, as the figures are yearly or totals. */
const money = (currency: string) => {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 });
    moneyFormats.set(currency, format);
  }
  return format;
};
/**
 * The viewer's preferred languages, most preferred first, so dates read as they expect ("5 Mar 2026",
 * "05.03.2026"); without them (outside a browser) the runtime's own locale.
 */
const viewerLocales = (): readonly string[] | undefined =>
  // Read through globalThis: Roster's own tests load this file under Node's types, which lack `navigator`.
  (globalThis as { navigator?: { languages?: readonly string[] } }).navigator?.languages;
/** A date formatter in the viewer's locale; a language tag Intl does not accept falls back to the default. */
const dateFormat = (options: Intl.DateTimeFormatOptions) => {
  try {
    return new Intl.DateTimeFormat(viewerLocales(), options);
  } catch {
    return new Intl.DateTimeFormat(undefined, options);
  }
};
const date = once(() => dateFormat({ dateStyle: 'medium' }));
const dateTime = once(() => dateFormat({ dateStyle: 'medium', timeStyle: 'short' }));

/** Whole numbers (every count the console shows) need no locale data: "12,345". */
const groupThousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const formatNumber = (n: number) => (Number.isSafeInteger(n) ? groupThousands(n) : number().format(n));
/** Money in the organisation's currency (figures that carry it pass it: summaries, spend, the Overview). */
export const formatMoney = (n: number | null | undefined, currency = 'USD') =>
  n == null ? '—' : money(currency).format(n);
export const formatDate = (iso: string | null | undefined) => (iso ? date().format(new Date(iso)) : '—');
export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dateTime().format(new Date(iso)) : '—';

/** "3 days ago": how fresh a date is, for last-used and last-sync columns. */
export function formatAge(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return 'never';
  const days = Math.floor((now - new Date(iso).getTime()) / 86_400_000);
  if (days < 0) return 'in the future';
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${formatNumber(days)} days ago`;
}

export const reasonLabels: Record<string, string> = {
  account_suspended: 'Account suspended in the app',
  past_user: 'Past employee',
  never_used: 'Never used',
  no_usage_in_threshold: 'Not used within the threshold',
};

/** "1 email", "3 emails": a count with its noun. */
export const countOf = (n: number, one: string, many = `${one}s`) =>
  `${formatNumber(n)} ${n === 1 ? one : many}`;
