import type { accountStatuses } from './records.js';

type AccountStatus = (typeof accountStatuses)[number];

// Words apps and exports use for an account's state, mapped to Roster's three.
const synonyms: Record<string, AccountStatus> = {
  active: 'active',
  enabled: 'active',
  member: 'active',
  admin: 'active',
  owner: 'active',
  invited: 'active',
  pending: 'active',
  suspended: 'suspended',
  inactive: 'suspended',
  disabled: 'suspended',
  locked: 'suspended',
  blocked: 'suspended',
  deactivated: 'deleted',
  deleted: 'deleted',
  removed: 'deleted',
  deprovisioned: 'deleted',
};

/** Maps a status word to active/suspended/deleted; an empty cell means active; unknown words return undefined. */
export function parseAccountStatus(raw: string | null | undefined): AccountStatus | undefined {
  const key = (raw ?? '').trim().toLowerCase();
  if (key === '') return 'active';
  return synonyms[key];
}

export const knownStatusWords = Object.keys(synonyms);
