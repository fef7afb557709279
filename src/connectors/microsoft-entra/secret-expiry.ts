import { ConnectorError } from '../kit/connector-error.js';
import type { GraphClient } from './graph-client.js';

interface PasswordCredential {
  endDateTime?: string | null;
  /** The first three characters of the secret's value. */
  hint?: string | null;
}

/**
 * When the client secret Roster signs in with expires, from the app registration's `passwordCredentials`
 * (needs Application.Read.All). The secret in use is the one whose hint matches its first characters; when
 * none does, the latest expiry of the registration's secrets is taken, since the one in use cannot outlive
 * it. Undefined when Graph refuses the read or tells nothing: knowing the expiry is a help, never a reason
 * to fail a sync.
 */
export async function clientSecretExpiry(
  client: GraphClient,
  clientId: string,
  clientSecret: string,
  signal: AbortSignal,
): Promise<Date | undefined> {
  const filter = encodeURIComponent(`appId eq '${clientId.replaceAll("'", "''")}'`);
  let answer: { value?: { passwordCredentials?: PasswordCredential[] | null }[] };
  try {
    answer = await client.get(`/applications?$filter=${filter}&$select=passwordCredentials`);
  } catch (error) {
    if (signal.aborted || !(error instanceof ConnectorError)) throw error;
    return undefined;
  }
  const secrets = (answer?.value ?? []).flatMap((app) => app?.passwordCredentials ?? []);
  const ends = (list: PasswordCredential[]) =>
    list
      .map((s) => (typeof s?.endDateTime === 'string' ? new Date(s.endDateTime) : undefined))
      .filter((d): d is Date => d !== undefined && !Number.isNaN(d.getTime()));
  const matching = ends(secrets.filter((s) => s?.hint && clientSecret.startsWith(s.hint)));
  const candidates = matching.length > 0 ? matching : ends(secrets);
  if (candidates.length === 0) return undefined;
  return new Date(Math.max(...candidates.map((d) => d.getTime())));
}
