import type { MemberRole, Role } from '../../db/schema.js';
import type { AuditView } from '../../modules/audit/audit.repo.js';
import type { MemberView } from '../../modules/members/members.service.js';
import type { Settings } from '../../modules/settings/settings.service.js';
import type { TokenView } from '../../modules/tokens/tokens.service.js';
import type { Roster } from '../../roster.js';
import { type ClientFactory, cliActor } from '../context.js';
import type { ApiClient } from '../remote/api-client.js';

export interface NewToken {
  name: string;
  role: Role;
  expiresAt: Date | null;
  actsForEmail: string | null;
}

export type SettingsChange = Partial<
  Pick<Settings, 'name' | 'domains' | 'stalenessDays' | 'inactivityDays' | 'autoOffboarding'>
>;

/** Members, tokens, one-time links, the audit log and the organisation's settings. */
export interface AdminClient {
  signInLink(email: string): Promise<{ url: string }>;
  passwordLink(email: string): Promise<{ token: string; setPasswordUrl: string }>;
  createToken(input: NewToken): Promise<TokenView & { token: string }>;
  listTokens(): Promise<TokenView[]>;
  revokeToken(name: string): Promise<void>;
  listMembers(): Promise<MemberView[]>;
  addMember(input: { email: string; role: MemberRole }): Promise<MemberView>;
  updateMember(
    email: string,
    change: { role?: MemberRole; disabled?: boolean; forgetSingleSignOn?: true },
  ): Promise<MemberView>;
  listAudit(filters: {
    action?: string;
    actor?: string;
    limit: number;
  }): Promise<{ items: AuditView[]; nextCursor: string | null }>;
  getSettings(): Promise<Settings>;
  updateSettings(change: SettingsChange): Promise<Settings>;
}

const services = async () => ({
  ...(await import('../../modules/audit/audit.repo.js')),
  ...(await import('../../modules/auth/member-links.js')),
  ...(await import('../../modules/members/members.service.js')),
  ...(await import('../../modules/settings/settings.service.js')),
  ...(await import('../../modules/tokens/tokens.service.js')),
});

const local = (roster: Roster): AdminClient => ({
  signInLink: async (email) => (await services()).createSignInLink(roster, cliActor(), email),
  passwordLink: async (email) => (await services()).createPasswordLink(roster, cliActor(), email),
  createToken: async (input) => (await services()).createToken(roster, cliActor(), input),
  listTokens: async () => (await services()).listTokens(roster),
  revokeToken: async (name) => (await services()).revokeToken(roster, cliActor(), { name }),
  listMembers: async () => (await services()).listMembers(roster),
  addMember: async (input) => (await services()).addMember(roster, cliActor(), input),
  updateMember: async (email, change) => (await services()).updateMember(roster, cliActor(), email, change),
  listAudit: async (filters) => (await services()).listAudit(roster, filters),
  getSettings: async () => (await services()).getSettings(roster),
  updateSettings: async (change) => (await services()).updateSettings(roster, cliActor(), change),
});

/** The API pages the audit log by at most this many entries. */
const auditPage = 500;

const api = (client: ApiClient): AdminClient => {
  const member = (email: string) => `/api/members/${encodeURIComponent(email)}`;
  return {
    signInLink: (email) => client.call('POST', `${member(email)}/sign-in-link`),
    passwordLink: (email) => client.call('POST', `${member(email)}/password-link`),
    createToken: (input) =>
      client.call('POST', '/api/tokens', {
        body: { ...input, expiresAt: input.expiresAt?.toISOString() ?? null },
      }),
    listTokens: async () => (await client.call<{ items: TokenView[] }>('GET', '/api/tokens')).items,
    revokeToken: async (name) => {
      await client.call('DELETE', `/api/tokens/${await client.idOf('tokens', name)}`);
    },
    listMembers: async () => (await client.call<{ items: MemberView[] }>('GET', '/api/members')).items,
    addMember: (input) => client.call('POST', '/api/members', { body: input }),
    updateMember: (email, change) => client.call('PATCH', member(email), { body: change }),
    listAudit: async ({ action, actor, limit }) => {
      // The CLI asks for up to 1000 entries; the API answers them in pages.
      const items: AuditView[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: AuditView[]; nextCursor: string | null } = await client.call(
          'GET',
          '/api/audit',
          {
            query: {
              action,
              actor,
              cursor: cursor ?? undefined,
              limit: Math.min(auditPage, limit - items.length),
            },
          },
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && items.length < limit);
      return { items, nextCursor: cursor };
    },
    getSettings: () => client.call('GET', '/api/settings'),
    updateSettings: (change) => client.call('PATCH', '/api/settings', { body: change }),
  };
};

export const adminClient: ClientFactory<AdminClient> = { local, api };
