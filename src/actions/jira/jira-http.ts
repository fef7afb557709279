import { type ProviderHttp, providerHttp } from '../../connectors/kit/provider-http.js';
import type { ActionContext } from '../action-context.js';
import type { JiraConfig, JiraCredentials } from './jira-settings.js';

/**
 * How Roster talks to Jira Cloud's REST API: Basic auth with an account's email and API token, Jira's
 * error collection as the error text, and the kit's retries (429 and 503 with `Retry-After`, other 5xx).
 */
export const PROVIDER = 'Jira';

export function jiraHttp(
  context: ActionContext,
  config: JiraConfig,
  credentials: JiraCredentials,
): ProviderHttp {
  const basic = Buffer.from(`${credentials.email}:${credentials.apiToken}`, 'utf8').toString('base64');
  return providerHttp({
    provider: PROVIDER,
    signal: context.signal,
    outbound: context.outbound,
    authorization: async () => `Basic ${basic}`,
    errorText: jiraErrorText,
    ...(context.onCall ? { onAnswer: context.onCall } : {}),
    ...definedOnly(config.http ?? {}),
  });
}

/**
 * Jira's error text: the general `errorMessages` and each field's message from `errors`, named by field
 * ("summary: You must specify a summary of the issue."), or the `message` of an authentication refusal.
 */
export function jiraErrorText(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { errorMessages, errors, message } = body as {
    errorMessages?: unknown;
    errors?: unknown;
    message?: unknown;
  };
  const parts: string[] = [];
  if (Array.isArray(errorMessages))
    for (const text of errorMessages) if (typeof text === 'string' && text !== '') parts.push(text);
  if (errors && typeof errors === 'object')
    for (const [field, text] of Object.entries(errors))
      if (typeof text === 'string' && text !== '') parts.push(`${field}: ${text}`);
  if (parts.length === 0 && typeof message === 'string' && message !== '') parts.push(message);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
