import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { publishedSchema } from '../connectors/kit/settings-schema.js';
import { externalActions } from './registry.js';

const scope = {
  person: { name: 'Ann', email: 'ann@acme.io', emails: ['ann.lee@acme.io'] },
  app: { name: 'Zoom' },
};

/** One valid document entry per type, as an admin would write it. */
const documents: Record<string, Record<string, unknown>> = {
  email: { type: 'email', subject: 'Hi {{person.name}}', body: 'Your {{app.name}} access ends.' },
  'slack.message': { type: 'slack.message', text: 'Hi {{person.name}}' },
  'jira.issue': {
    type: 'jira.issue',
    baseUrl: 'https://acme.atlassian.net',
    projectKey: 'OPS',
    summary: 'Remove {{person.email}} from {{app.name}}',
  },
  webhook: { type: 'webhook', url: 'https://hooks.acme.io/roster', secret: 'whsec-0123456789abcdef' },
};

describe('external actions', () => {
  it('are email, slack.message, jira.issue and webhook, each once', () => {
    expect(externalActions.map((a) => a.type)).toEqual(['email', 'slack.message', 'jira.issue', 'webhook']);
  });

  it.each(externalActions.map((a) => [a.type, a] as const))(
    '%s: validates its document entry, publishes a JSON Schema, and previews without any request made',
    (type, action) => {
      const settings = action.settings.parse(documents[type]);
      const schema = publishedSchema(action.settings);
      expect(schema.type).toBe('object');
      expect(action.settings.safeParse({ ...documents[type], type: 'other' }).success).toBe(false);
      const preview = action.preview(settings, scope);
      expect(preview.summary).not.toBe('');
      expect(preview.requests.every((r) => r.status === null)).toBe(true);
    },
  );

  it('keep credentials out of documents: those that need them declare them, secrets write-only', () => {
    const needing = externalActions.filter((a) => a.credentials).map((a) => a.type);
    expect(needing).toEqual(['slack.message', 'jira.issue']);
    for (const action of externalActions)
      if (action.credentials) {
        const json = JSON.stringify(z.toJSONSchema(action.credentials, { io: 'input' }));
        expect(json).toContain('"writeOnly":true');
      }
    const webhook = JSON.stringify(publishedSchema(externalActions[3]?.settings ?? z.never()));
    expect(webhook).toMatch(/"secret":\{[^}]*"writeOnly":true/);
  });
});
