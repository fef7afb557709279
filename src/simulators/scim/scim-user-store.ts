import { randomUUID } from 'node:crypto';

/** A user as the simulated SCIM service keeps it: the SCIM core User attributes it was given. */
export interface StoredScimUser {
  id: string;
  userName: string;
  active?: boolean;
  displayName?: string;
  name?: { formatted?: string; givenName?: string; familyName?: string };
  emails?: { value: string; type?: string; primary?: boolean }[];
  externalId?: string;
  [attribute: string]: unknown;
}

/**
 * The simulated SCIM service's users, in memory and in insertion order (the order it lists them in).
 * Tests read it to see what a deprovisioning did; scimmy's handlers read and write it for every request.
 */
export class ScimUserStore {
  private readonly users = new Map<string, StoredScimUser>();

  constructor(users: readonly (Omit<StoredScimUser, 'id'> & { id?: string })[] = []) {
    for (const user of users) this.add(user);
  }

  add(user: Omit<StoredScimUser, 'id'> & { id?: string }): StoredScimUser {
    const stored = { ...user, id: user.id ?? randomUUID() } as StoredScimUser;
    this.users.set(stored.id, stored);
    return stored;
  }

  get(id: string): StoredScimUser | undefined {
    return this.users.get(id);
  }

  byUserName(userName: string): StoredScimUser | undefined {
    return this.list().find((u) => u.userName.toLowerCase() === userName.toLowerCase());
  }

  list(): StoredScimUser[] {
    return [...this.users.values()];
  }

  get size(): number {
    return this.users.size;
  }

  /** Replaces a user's attributes (PUT, or PATCH once applied); false when there is no such user. */
  replace(id: string, user: Omit<StoredScimUser, 'id'>): boolean {
    if (!this.users.has(id)) return false;
    this.users.set(id, { ...user, id } as StoredScimUser);
    return true;
  }

  remove(id: string): boolean {
    return this.users.delete(id);
  }
}

/**
 * `count` users named person0001@… on, with every `inactiveEvery`th one deactivated (`active: false`), ids
 * fixed so tests can name them.
 */
export function scimPeople(
  count: number,
  options: { domain?: string; inactiveEvery?: number } = {},
): StoredScimUser[] {
  const domain = options.domain ?? 'acme.example';
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    const email = `person${n}@${domain}`;
    return {
      id: `user-${n}`,
      userName: email,
      active: !(options.inactiveEvery && (i + 1) % options.inactiveEvery === 0),
      name: { formatted: `Person ${n}`, givenName: 'Person', familyName: n },
      emails: [{ value: email, type: 'work', primary: true }],
    };
  });
}
