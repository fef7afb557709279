import { z } from 'zod';
import { emailField } from '../../lib/email.js';
import { isStorable, unstorableMessage } from '../../lib/storable-text.js';
import { canonicalAmount, isCalendarDate, isCurrencyCode } from './expense-values.js';

/**
 * The typed records every source kind yields. The sync engine validates each one with these schemas
 * before staging, so a connector bug or a malformed provider response is rejected with its place named.
 */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max, `must be at most ${max} characters`)
    .refine(isStorable, unstorableMessage);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine(isStorable, unstorableMessage)
    .nullish()
    .transform((v) => (v ? v : null));
const isoDateTime = z
  .string()
  .trim()
  .refine((v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}/.test(v), 'must be an ISO 8601 date')
  .transform((v) => new Date(v).toISOString());
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31');

/** A date that exists on the calendar (2026-02-30 does not), written YYYY-MM-DD. */
const calendarDate = isoDate.refine(isCalendarDate, 'is not a date on the calendar');

/** An ISO 4217 code this runtime knows (Intl's list), upper-cased. */
export const currencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 currency code like USD or EUR')
  .toUpperCase()
  .refine(isCurrencyCode, 'must be an ISO 4217 currency code like USD or EUR');

export const accountStatuses = ['active', 'suspended', 'deleted'] as const;

export const appRecordSchema = z.object({
  type: z.literal('app'),
  name: text(200),
  domain: optionalText(253),
});

export const accountRecordSchema = z.object({
  type: z.literal('account'),
  app: text(200),
  email: emailField,
  externalId: optionalText(500),
  name: optionalText(500),
  status: z.enum(accountStatuses),
  role: optionalText(200),
  licenseTypes: z.array(text(200)).max(100).default([]),
  lastUsedAt: isoDateTime.nullish().transform((v) => v ?? null),
});

export const licenseTypeRecordSchema = z.object({
  type: z.literal('license_type'),
  app: text(200),
  name: text(200),
  purchased: z
    .number()
    .int()
    .min(0)
    .max(10_000_000)
    .nullish()
    .transform((v) => v ?? null),
  pricePerUserCents: z
    .number()
    .int()
    .min(0)
    .max(100_000_000)
    .nullish()
    .transform((v) => v ?? null),
});

export const employeeRecordSchema = z.object({
  type: z.literal('employee'),
  email: emailField,
  name: optionalText(500),
  status: z.enum(['active', 'terminated']),
  terminationDate: isoDate.nullish().transform((v) => v ?? null),
  personalEmail: emailField.nullish().transform((v) => v ?? null),
  department: optionalText(200),
  managerEmail: emailField.nullish().transform((v) => v ?? null),
  attributes: z
    .record(
      z.string().refine(isStorable, unstorableMessage),
      z.union([z.string().refine(isStorable, unstorableMessage), z.number(), z.boolean(), z.null()]),
    )
    .default({}),
});

/**
 * An alias value an identity source lists for a user, kept as the source wrote it (for example an Entra
 * proxyAddresses entry "smtp:ann@acme.io"); Merge Users decides what it means.
 */
export const aliasRecordSchema = z.object({
  type: z.literal('alias'),
  primaryEmail: emailField,
  field: text(100),
  value: text(400),
});

/** A domain the organisation owns, as its identity provider lists it (verified domains, domain aliases). */
export const domainRecordSchema = z.object({
  type: z.literal('domain'),
  name: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .max(253)
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a domain name like acme.com'),
  verified: z.boolean().default(true),
});

/**
 * One line of a card, expense-report or accounts-payable export. `amount` is a decimal in `currency`; a
 * negative amount is a refund or credit and lowers the figures. Without an `id`, the engine derives one from
 * the line's fields and its occurrence among identical lines of the same file (sync/apply-expenses.ts).
 */
export const expenseRecordSchema = z
  .object({
    type: z.literal('expense'),
    id: optionalText(500),
    date: calendarDate,
    amount: z.union([z.string(), z.number()]).transform((v, ctx) => {
      const amount = canonicalAmount(v);
      if (amount === null) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be a decimal number with at most 4 decimals, like 1234.50 or -12',
        });
        return z.NEVER;
      }
      return amount;
    }),
    currency: currencyCode,
    vendor: optionalText(500).transform((v) => v ?? ''),
    description: optionalText(1000).transform((v) => v ?? ''),
    reportId: optionalText(200),
    itemType: z.enum(['main', 'line']).default('line'),
    account: optionalText(200).transform((v) => v ?? ''),
    employeeEmail: emailField.nullish().transform((v) => v ?? null),
  })
  .refine((line) => line.vendor !== '' || line.description !== '', {
    message: 'a line needs a vendor or a description',
    path: ['vendor'],
  });

export const sourceRecordSchema = z.discriminatedUnion('type', [
  appRecordSchema,
  accountRecordSchema,
  licenseTypeRecordSchema,
  employeeRecordSchema,
  aliasRecordSchema,
  domainRecordSchema,
  expenseRecordSchema,
]);

/** What a connector yields: the record, where it came from (for error messages) and, optionally, the raw object. */
export type SourceRecordInput = z.input<typeof sourceRecordSchema> & {
  /** Where the record came from, named in errors: a file's row number, or a path such as `users[3]`. */
  ref?: number | string;
  raw?: { objectType: string; externalId: string; data: unknown };
};
export type AccountRecordInput = z.input<typeof accountRecordSchema>;
export type SourceRecord = z.output<typeof sourceRecordSchema>;
export type AccountRecord = z.output<typeof accountRecordSchema>;
export type LicenseTypeRecord = z.output<typeof licenseTypeRecordSchema>;
export type EmployeeRecord = z.output<typeof employeeRecordSchema>;
export type ExpenseRecordInput = z.input<typeof expenseRecordSchema>;
export type ExpenseRecord = z.output<typeof expenseRecordSchema>;
