import type { AccountSeen } from './activity.js';
import { emptyOutbox, type Outbox } from './outbox.js';
import type { RosterConfig } from './roster-config.js';

/** Everything the extension keeps, in `chrome.storage.local` (on this machine only). */
export interface LocalState {
  /** The extension token (`rxt_…`) and the person it reports for. */
  token: string | null;
  email: string | null;
  config: (RosterConfig & { fetchedAt: number }) | null;
  outbox: Outbox;
  accounts: Record<string, AccountSeen>;
  /** Failed attempts at sending the batch in flight, for the backoff. */
  failedAttempts: number;
  /** No batch is sent before this time (ms since epoch): Roster asked to wait. */
  notBefore: number;
  /** The `state` of a connect flow in progress, checked when Roster hands back the token. */
  connectState: string | null;
  /** Roster refused the token: the person must sign in to the extension again. */
  needsSignIn: boolean;
}

const defaults: LocalState = {
  token: null,
  email: null,
  config: null,
  outbox: emptyOutbox,
  accounts: {},
  failedAttempts: 0,
  notBefore: 0,
  connectState: null,
  needsSignIn: false,
};

let chain: Promise<unknown> = Promise.resolve();

/** Reads the state. */
export async function readState(): Promise<LocalState> {
  const stored = (await chrome.storage.local.get(
    Object.keys(defaults) as (keyof LocalState)[],
  )) as Partial<LocalState>;
  return { ...defaults, ...stored };
}

/**
 * Changes the state one change at a time: messages from several tabs arrive together, and two
 * read-modify-writes interleaved would lose an event.
 */
export function updateState<T>(
  change: (state: LocalState) => { next: Partial<LocalState>; result: T },
): Promise<T> {
  const run = chain.then(async () => {
    const { next, result } = change(await readState());
    if (Object.keys(next).length > 0) await chrome.storage.local.set(next);
    return result;
  });
  chain = run.catch(() => undefined);
  return run;
}

/** Forgets everything reported or learnt (disabled mode, sign-out): only defaults remain. */
export function resetState(): Promise<void> {
  return updateState(() => ({ next: { ...defaults }, result: undefined }));
}
