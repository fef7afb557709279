import type { OutboundClient } from '../../lib/outbound/outbound-client.js';
import { ConnectorError } from '../kit/connector-error.js';
import { type ProviderCall, type ProviderHttp, providerHttp } from '../kit/provider-http.js';
import type { ScimConfig, ScimCredentials } from './scim-settings.js';

/**
 * How Roster talks to a SCIM 2.0 service (RFC 7644): a bearer token, `application/scim+json` answers, and
 * the SCIM error body (`urn:ietf:params:scim:api:messages:2.0:Error` with `detail`, `status`, `scimType`).
 */
export const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const SCIM_PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** Named in every error: the service's host, since a SCIM source can be any app. */
export function scimProvider(baseUrl: string): string {
  return `The SCIM service at ${new URL(baseUrl).host}`;
}

export function scimHttp(options: {
  config: ScimConfig;
  credentials: ScimCredentials | undefined;
  signal: AbortSignal;
  outbound: OutboundClient;
  onAnswer?: (call: ProviderCall) => void;
}): ProviderHttp {
  const { config, credentials } = options;
  if (!credentials) throw new ConnectorError('auth', `${scimProvider(config.baseUrl)} needs a bearer token`);
  return providerHttp({
    provider: scimProvider(config.baseUrl),
    signal: options.signal,
    outbound: options.outbound,
    authorization: async () => `Bearer ${credentials.token}`,
    errorText: scimErrorText,
    // RFC 7644 §8.1: SCIM answers are application/scim+json; plain JSON is accepted too.
    headers: { accept: 'application/scim+json, application/json' },
    ...(options.onAnswer ? { onAnswer: options.onAnswer } : {}),
    ...definedOnly(config.http ?? {}),
  });
}

/** The SCIM error text: `detail`, with the `scimType` keyword when given ("Filter is invalid (invalidFilter)"). */
export function scimErrorText(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { detail, scimType } = body as { detail?: unknown; scimType?: unknown };
  if (typeof detail !== 'string' || detail.trim() === '') return undefined;
  return typeof scimType === 'string' && scimType !== '' ? `${detail} (${scimType})` : detail;
}

/** `{base}/Users/{id}`, the id encoded: an id is the service's data and must not reshape the path. */
export function userUrl(baseUrl: string, id: string): string {
  return `${baseUrl}/Users/${encodeURIComponent(id)}`;
}

/**
 * The filter finding a user by userName. RFC 7644 §3.4.2.2 writes string values as JSON strings, so a
 * quote or backslash in the value is escaped the JSON way and cannot end the string early.
 */
export function userNameFilter(email: string): string {
  return `userName eq ${JSON.stringify(email)}`;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
