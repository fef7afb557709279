import { z } from 'zod';
import { httpTuningSchema } from '../../connectors/kit/provider-http.js';
import { secretField } from '../../connectors/kit/settings-schema.js';
import { templateSchema } from './jira-template.js';

/**
 * The settings of the Jira Cloud ticket method: where tickets go (site, project, issue type), which
 * statuses count as done, and the account that creates them (email and API token, sent as Basic auth as
 * Atlassian documents for Cloud REST API tokens).
 */

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Fields Roster itself sets on every ticket; `fields` may not replace them. */
export const ownFields = ['project', 'issuetype', 'summary', 'description'] as const;

export const jiraConfigSchema = z.strictObject({
  baseUrl: z
    .url({ protocol: /^https?$/ })
    // HTTPS, except on loopback (the simulator, a local proxy): the API token never crosses a network in clear.
    .refine((v) => {
      const url = new URL(v);
      return url.protocol === 'https:' || loopback.has(url.hostname);
    }, 'must be an https:// URL')
    .transform((v) => v.replace(/\/+$/, ''))
    .meta({
      title: 'Jira site',
      description:
        'Your Jira Cloud site, https:// included (for a scoped API token: https://api.atlassian.com/ex/jira/{cloudId}).',
      examples: ['https://acme.atlassian.net'],
    }),
  projectKey: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'must be a Jira project key: capital letters, digits and _, e.g. OPS')
    .meta({ title: 'Project key', description: 'The project tickets are created in.', examples: ['OPS'] }),
  issueType: z.string().trim().min(1).max(255).default('Task').meta({
    title: 'Issue type',
    description: 'The name of the issue type to create, as the project lists it. Default: Task.',
  }),
  doneStatuses: z.array(z.string().trim().min(1).max(255)).min(1).default(['Done']).meta({
    title: 'Done statuses',
    description:
      'Status names (any case) that mean the ticket is done. Default: Done. A status such as "Won’t do" is not done unless listed.',
  }),
  fields: z
    .record(z.string().min(1).max(255), z.unknown())
    .refine((fields) => !ownFields.some((name) => name in fields), {
      message: `may not set ${ownFields.join(', ')}: Roster sets those`,
    })
    .optional()
    .meta({
      title: 'Extra fields',
      description:
        'Fields added to every ticket as Jira’s create request takes them, e.g. {"labels":["offboarding"],"priority":{"name":"High"}}.',
    }),
  summaryTemplate: templateSchema.optional().meta({
    title: 'Summary template',
    description: 'The ticket’s summary with {{placeholders}} filled by Roster, e.g. "Offboard {{name}}".',
  }),
  descriptionTemplate: templateSchema.optional().meta({
    title: 'Description template',
    description: 'The ticket’s description with {{placeholders}}; each line becomes a paragraph.',
  }),
  http: httpTuningSchema,
});
export type JiraConfig = z.output<typeof jiraConfigSchema>;

export const jiraCredentialsSchema = z.strictObject({
  email: z.email().max(320).meta({
    title: 'Account email',
    description: 'The email of the Atlassian account the API token belongs to.',
  }),
  apiToken: z
    .string()
    .trim()
    .min(1)
    .max(16_384)
    .meta({
      title: 'API token',
      description:
        'An API token of that account (id.atlassian.com → Security → API tokens); the account needs Browse projects and Create issues in the project.',
      ...secretField,
    }),
});
export type JiraCredentials = z.output<typeof jiraCredentialsSchema>;
