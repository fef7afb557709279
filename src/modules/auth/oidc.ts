import type { Configuration } from 'openid-client';
import { publicUrlOf } from '../../http/public-url.js';
import { normaliseEmail } from '../../lib/email.js';
import { notFound, RosterError } from '../../lib/errors.js';
import { hashToken, newSecretToken } from '../../lib/tokens.js';
import type { Roster } from '../../roster.js';
import type { Member } from './auth.repo.js';
import { bindOidcMember, type ProviderIdentity } from './oidc-binding.js';

/** How long a started sign-in may take at the provider; older `oidc_logins` rows are cleaned up. */
export const oidcLoginMinutes = 10;
/** Loaded at the first single sign-on, not when `roster serve` starts. */
const openidClient = () => import('openid-client');
/** Discovered configurations per outbound client (one per open Roster), so each uses its own connections. */
const configurationsOf = new WeakMap<Roster['outbound'], Map<string, Promise<Configuration>>>();

/** The provider's configuration, discovered once per issuer (plain HTTP only on this machine's loopback). */
function providerConfiguration(roster: Roster): Promise<Configuration> {
  const oidc = roster.config.oidc;
  if (!oidc)
    throw notFound(
      'Single sign-on is not configured (ROSTER_OIDC_ISSUER, ROSTER_OIDC_CLIENT_ID, ROSTER_OIDC_CLIENT_SECRET)',
    );
  const key = `${oidc.issuer} ${oidc.clientId}`;
  let configurations = configurationsOf.get(roster.outbound);
  if (!configurations) {
    configurations = new Map();
    configurationsOf.set(roster.outbound, configurations);
  }
  let found = configurations.get(key);
  if (!found) {
    const issuer = new URL(oidc.issuer);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    // Discovery, token, userinfo and key requests all go through the guarded outbound client: an issuer
    // inside the network is reached only when ROSTER_OUTBOUND_ALLOW opens it, and answers are capped.
    found = openidClient().then((client) =>
      client.discovery(issuer, oidc.clientId, oidc.clientSecret, undefined, {
        [client.customFetch]: roster.outbound.fetch,
        ...(loopback ? { execute: [client.allowInsecureRequests] } : {}),
      }),
    );
    const cache = configurations;
    found.catch(() => cache.delete(key));
    configurations.set(key, found);
  }
  return found;
}

export const redirectUri = (roster: Roster) => `${publicUrlOf(roster.config)}/auth/oidc/callback`;

/**
 * Starts a sign-in: authorization code with PKCE, a state bound to this browser (returned as a secret for
 * a cookie) and a nonce. Verifier and nonce never leave the server.
 */
export async function startOidcSignIn(
  roster: Roster,
  /** Set when the browser extension's connect page starts it: the sign-in then ends by handing it a token. */
  extension?: { returnTo: string; state: string },
): Promise<{ authorizationUrl: string; browserSecret: string }> {
  const config = await providerConfiguration(roster);
  const client = await openidClient();
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const browserSecret = newSecretToken('rso');
  await roster.database.db
    .insertInto('oidc_logins')
    .values({
      state_hash: hashToken(state),
      browser_hash: hashToken(browserSecret),
      code_verifier: verifier,
      nonce,
      extension_return_to: extension?.returnTo ?? null,
      extension_state: extension?.state ?? null,
    })
    .execute();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(roster),
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { authorizationUrl: url.href, browserSecret };
}

const refused = (why: string) => new RosterError('unauthenticated', `Single sign-on failed: ${why}`);

/**
 * Finishes a sign-in: the state must be fresh, unused and from this browser; the code is exchanged with
 * the verifier, and the ID token's issuer, audience, expiry and nonce are checked. The provider must
 * say the email is verified (`email_verified: true`; a missing claim is refused), and the email must
 * belong to an admin member, who signs in with that email's own role. The member is bound to the
 * provider's issuer and subject at their first sign-in (see oidc-binding.ts).
 */
export async function finishOidcSignIn(
  roster: Roster,
  callbackUrl: URL,
  browserSecret: string | undefined,
): Promise<Member> {
  const { identity } = await finishOidcLogin(roster, callbackUrl, browserSecret);
  return bindOidcMember(roster, identity);
}

/** Whether the sign-in a callback finishes was started by the browser extension's connect page (uses nothing). */
export async function isExtensionOidcLogin(
  roster: Roster,
  callbackUrl: URL,
  browserSecret: string | undefined,
): Promise<boolean> {
  const state = callbackUrl.searchParams.get('state');
  if (!state || !browserSecret) return false;
  const row = await roster.database.db
    .selectFrom('oidc_logins')
    .select('extension_return_to')
    .where('state_hash', '=', hashToken(state))
    .where('browser_hash', '=', hashToken(browserSecret))
    .executeTakeFirst();
  return Boolean(row?.extension_return_to);
}

/**
 * The checks every single sign-on passes (see finishOidcSignIn), giving the provider's verified identity and,
 * for a sign-in the extension's connect page started, where to hand the extension its token.
 */
export async function finishOidcLogin(
  roster: Roster,
  callbackUrl: URL,
  browserSecret: string | undefined,
): Promise<{
  identity: ProviderIdentity & { email: string };
  extension: { returnTo: string; state: string } | null;
}> {
  const config = await providerConfiguration(roster);
  const client = await openidClient();
  const state = callbackUrl.searchParams.get('state');
  if (!state || !browserSecret) throw refused('the sign-in was not started from this browser');
  const login = await roster.database.db
    .updateTable('oidc_logins')
    .set({ used_at: new Date() })
    .where('state_hash', '=', hashToken(state))
    .where('browser_hash', '=', hashToken(browserSecret))
    .where('used_at', 'is', null)
    .where('created_at', '>', new Date(Date.now() - oidcLoginMinutes * 60_000))
    .returning(['code_verifier', 'nonce', 'extension_return_to', 'extension_state'])
    .executeTakeFirst();
  if (!login) throw refused('this sign-in is unknown, expired or already used');
  let identity: ProviderIdentity;
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: login.code_verifier,
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token');
    // Many providers put the email in the ID token; the others answer it from the userinfo endpoint
    // (whose subject openid-client checks against the ID token's).
    let source: Record<string, unknown> = claims;
    if (typeof claims.email !== 'string' || claims.email_verified === undefined)
      source = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    identity = {
      issuer: claims.iss,
      subject: claims.sub,
      email: typeof source.email === 'string' ? normaliseEmail(source.email) : null,
      emailVerified: source.email_verified === true,
    };
  } catch (error) {
    // The innermost message names the check that failed (aud, exp, nonce, iss …).
    let inner = error as Error & { cause?: unknown };
    while (inner.cause instanceof Error) inner = inner.cause as Error & { cause?: unknown };
    throw refused(inner.message);
  }
  if (!identity.email || !identity.emailVerified)
    throw refused('the provider did not say the email is verified');
  return {
    identity: { ...identity, email: identity.email },
    extension:
      login.extension_return_to && login.extension_state
        ? { returnTo: login.extension_return_to, state: login.extension_state }
        : null,
  };
}
