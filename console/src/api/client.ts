import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/**
 * The only way the console talks to Roster: typed by the OpenAPI document (schema.d.ts is generated).
 * The session cookie authenticates; the x-roster-request header is what the server requires of every
 * change made from a browser (a cross-site form cannot send it).
 */
export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  headers: { 'x-roster-request': 'console' },
});
