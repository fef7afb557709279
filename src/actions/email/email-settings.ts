import { z } from 'zod';
import { templateText } from '../template.js';

/** An email action's settings: who gets it and what it says, each a template of the workflow's fields. */
export const emailSettingsSchema = z.strictObject({
  type: z.literal('email'),
  to: templateText.default('{{person.email}}').meta({
    title: 'To',
    description:
      'The addresses, comma-separated, with {{fields}}. Default: {{person.email}}, the person’s primary email.',
  }),
  subject: templateText
    .refine((text) => text.trim() !== '', 'may not be empty')
    .meta({ title: 'Subject', description: 'One line with {{fields}}, e.g. "Your access to {{app.name}}".' }),
  body: templateText
    .refine((text) => text.trim() !== '', 'may not be empty')
    .meta({
      title: 'Body',
      description:
        'Plain text with {{fields}}; a blank line starts a paragraph. Sent as text and as escaped HTML, so values cannot add markup.',
    }),
});
export type EmailSettings = z.output<typeof emailSettingsSchema>;
