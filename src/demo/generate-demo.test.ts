import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../catalog/catalog.js';
import { canonicalColumns } from '../connectors/csv/columns.js';
import { detectFormat, snapshotRecords } from '../connectors/custom/snapshot.js';
import { hrCsvColumns } from '../connectors/hr-csv/hr-csv-source.js';
import { isValidEmail } from '../lib/email.js';
import { validateRecord } from '../sync/validate-record.js';
import {
  APP_CSV_HEADER,
  compareNames,
  type DemoApp,
  generateDemoOrganisation,
  HR_CSV_HEADER,
} from './generate-demo.js';

const now = new Date('2026-11-23T09:00:00Z');
const org = generateDemoOrganisation({ now });

// The brief's list, except that three vendors carry their product name in Roster's catalog.
const catalogApps = [
  ...['Slack', 'Zoom', 'Google Workspace', 'Microsoft Teams', 'Jira', 'Confluence', 'GitHub', 'GitLab'],
  ...['Figma', 'Miro', 'Notion', 'Asana', 'monday.com', 'Trello', 'Dropbox', 'Box', 'DocuSign eSignature'],
  ...['Salesforce Sales Cloud', 'HubSpot', 'Zendesk', 'Intercom', 'Datadog', 'Sentry', 'PagerDuty'],
  ...['1Password', 'LastPass', 'Okta', 'Workday HCM', 'BambooHR', 'Gusto', 'Expensify', 'Ramp', 'Loom'],
  ...['Calendly', 'Canva', 'Airtable', 'Smartsheet', 'Linear', 'Postman', 'Vercel', 'Netlify'],
  ...['Cloudflare', 'Snowflake', 'Tableau', 'Looker', 'Mixpanel', 'Amplitude', 'Segment', 'Mailchimp'],
  ...['Grammarly', 'Lucidchart', 'SurveyMonkey', 'Typeform', 'Webflow', 'ClickUp', 'Greenhouse'],
];
const customApps = ['Acme Intranet', 'Acme Billing Console', 'Warehouse Scanner', 'Legacy CRM'];
const serviceMailboxes = [
  ...['it-admin', 'billing', 'support', 'ci-bot', 'marketing-ops', 'security', 'finance-shared'],
  ...['recruiting', 'qa-automation', 'social'],
].map((local) => `${local}@acme.example`);

const simpleEmail = /^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const ownDomain = /@(acme|acme-labs)\.example$/;

interface Row {
  email: string;
  status: string;
  lastUsedAt: string | null;
}

const csvRows = (text: string) =>
  parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

/** One app's accounts as Roster will read them: CSV rows as-is, snapshots through Roster's own reader. */
function accountsOf(app: DemoApp): Row[] {
  if (app.feed === 'csv') {
    return csvRows(app.csv).map((r) => ({
      email: r.email ?? '',
      status: r.status ?? '',
      lastUsedAt: r.last_used_at || null,
    }));
  }
  return snapshotRecords(app.name, app.snapshot).flatMap((r) =>
    r.type === 'account' ? [{ email: r.email, status: r.status, lastUsedAt: r.lastUsedAt ?? null }] : [],
  );
}

const hr = csvRows(org.hrCsv);
const hrByEmail = new Map(hr.map((e) => [e.email ?? '', e]));
const terminated = new Set(hr.filter((e) => e.status === 'terminated').map((e) => e.email));
const accounts = org.apps.map((app) => ({ app, rows: accountsOf(app) }));
const holders = new Set(accounts.flatMap(({ rows }) => rows.map((r) => r.email)));

describe('generateDemoOrganisation', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const again = JSON.stringify(generateDemoOrganisation({ now: new Date(now) }));
    expect(again).toBe(JSON.stringify(org));
    expect(JSON.stringify(generateDemoOrganisation({ now, seed: 7 }))).not.toBe(again);
  });

  it('has 60 uniquely named apps, sorted, with catalog names byte for byte and 4 custom ones', () => {
    const names = org.apps.map((a) => a.name);
    expect(names).toHaveLength(60);
    expect(new Set(names).size).toBe(60);
    expect(names).toEqual([...names].sort(compareNames));
    const catalogNames = new Set(readCatalog().map((e) => e.name));
    const nonCustom = org.apps.filter((a) => !a.custom).map((a) => a.name);
    expect(nonCustom.sort()).toEqual([...catalogApps].sort());
    expect(nonCustom.filter((n) => !catalogNames.has(n))).toEqual([]);
    const custom = org.apps.filter((a) => a.custom).map((a) => a.name);
    expect(custom.sort()).toEqual([...customApps].sort());
    expect(custom.filter((n) => catalogNames.has(n))).toEqual([]);
  });

  it('mixes CSV uploads with Roster- and Torii-shaped custom snapshots', () => {
    const kinds = org.apps.map((a) => (a.feed === 'csv' ? 'csv' : detectFormat(a.snapshot)));
    expect(kinds.filter((k) => k === 'csv')).toHaveLength(40);
    expect(kinds.filter((k) => k === 'roster')).toHaveLength(16);
    expect(kinds.filter((k) => k === 'torii')).toHaveLength(4);
  });

  it('writes an HR file of ~500 employees with ~40 leavers and an active reporting line', () => {
    expect(org.hrCsv.split('\n')[0]).toBe(HR_CSV_HEADER);
    expect(HR_CSV_HEADER).toBe(hrCsvColumns.join(','));
    expect(org.hrCsv.endsWith('\n')).toBe(true);
    expect(hr.length).toBeGreaterThanOrEqual(450);
    expect(hr.length).toBeLessThanOrEqual(550);
    expect(hrByEmail.size).toBe(hr.length);
    expect(terminated.size).toBeGreaterThanOrEqual(30);
    expect(terminated.size).toBeLessThanOrEqual(50);
    const departments = ['Engineering', 'Sales', 'Marketing', 'Finance', 'HR', 'IT', 'Support', 'Product'];
    departments.push('Legal', 'Operations');
    for (const e of hr) {
      expect(e.email).toMatch(/^[a-z]+\.[a-z]+\d*@acme\.example$/);
      expect(['active', 'terminated']).toContain(e.status);
      expect(departments).toContain(e.department);
      if (e.status === 'terminated') {
        const daysAgo = (now.getTime() - Date.parse(e.termination_date ?? '')) / 86_400_000;
        expect(e.termination_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(daysAgo).toBeGreaterThan(0);
        expect(daysAgo).toBeLessThanOrEqual(401);
      } else expect(e.termination_date).toBe('');
      if (e.personal_email) expect(e.personal_email).toMatch(/^[a-z0-9.]+@(gmail|outlook)\.com$/);
    }
    const withPersonal = hr.filter((e) => e.personal_email).length;
    expect(withPersonal / hr.length).toBeGreaterThan(0.12);
    expect(withPersonal / hr.length).toBeLessThan(0.28);
    // Exactly one person (the CEO) has no manager; everyone else reports to another, active employee.
    expect(hr.filter((e) => !e.manager_email)).toHaveLength(1);
    for (const e of hr.filter((e) => e.manager_email)) {
      expect(e.manager_email).not.toBe(e.email);
      expect(hrByEmail.get(e.manager_email ?? '')?.status).toBe('active');
    }
    const admin = hrByEmail.get(org.adminEmail);
    expect([admin?.status, admin?.department]).toEqual(['active', 'IT']);
  });

  it('gives every app valid, lower-case, unique emails and well-formed feeds', () => {
    for (const { app, rows } of accounts) {
      const emails = rows.map((r) => r.email);
      expect(new Set(emails).size, app.name).toBe(emails.length);
      for (const r of rows) {
        expect(r.email, app.name).toMatch(simpleEmail);
        expect(isValidEmail(r.email), r.email).toBe(true);
        expect(['active', 'suspended', 'deleted']).toContain(r.status);
        if (r.lastUsedAt) expect(Date.parse(r.lastUsedAt)).toBeLessThanOrEqual(now.getTime());
      }
      if (app.feed === 'csv') {
        expect(app.csv.split('\n')[0], app.name).toBe(APP_CSV_HEADER);
        expect(APP_CSV_HEADER).toBe(canonicalColumns.join(','));
        expect(app.csv.split('\n')).toHaveLength(rows.length + 2);
      }
    }
  });

  it('feeds custom snapshots that Roster accepts record by record, with no negative spare seats', () => {
    for (const app of org.apps) {
      if (app.feed !== 'custom') continue;
      const records = snapshotRecords(app.name, app.snapshot);
      const problems = records.flatMap((r) => {
        const checked = validateRecord(r);
        return 'problems' in checked ? checked.problems : [];
      });
      expect(problems, app.name).toEqual([]);
      expect(records.filter((r) => r.type === 'license_type').length, app.name).toBeGreaterThan(0);
      if ('licenses' in app.snapshot) {
        for (const l of app.snapshot.licenses) expect(l.unassignedAmount).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('buys at least as many seats as are assigned, with spare seats and unknown counts both present', () => {
    const seats: { purchased: number | null; assigned: number }[] = [];
    for (const app of org.apps) {
      if (app.feed !== 'custom' || 'licenses' in app.snapshot) continue;
      const live = app.snapshot.users.filter((u) => u.status !== 'deleted');
      for (const l of app.snapshot.licenseTypes) {
        const assigned = live.filter((u) => u.licenseTypes?.includes(l.name)).length;
        seats.push({ purchased: l.purchased ?? null, assigned });
      }
    }
    for (const s of seats) if (s.purchased !== null) expect(s.purchased).toBeGreaterThanOrEqual(s.assigned);
    expect(seats.some((s) => s.purchased === null)).toBe(true);
    expect(seats.some((s) => s.purchased !== null && s.purchased > s.assigned)).toBe(true);
  });

  it('includes contractors, service mailboxes and aliases that hold accounts', () => {
    const contractors = [...holders].filter((e) => !ownDomain.test(e));
    expect(contractors.length).toBeGreaterThanOrEqual(20);
    expect(contractors.length).toBeLessThanOrEqual(30);
    const domains = new Set(contractors.map((e) => e.split('@')[1]));
    expect([...domains].sort()).toEqual(['freelance.example', 'gmail.com', 'northwind-consulting.example']);
    expect(contractors.filter((e) => hrByEmail.has(e))).toEqual([]);

    for (const mailbox of serviceMailboxes) {
      expect(holders.has(mailbox), mailbox).toBe(true);
      expect(hrByEmail.has(mailbox), mailbox).toBe(false);
    }

    expect(org.aliases.length).toBeGreaterThanOrEqual(25);
    expect(org.aliases.length).toBeLessThanOrEqual(35);
    for (const a of org.aliases) {
      expect(hrByEmail.get(a.primary)?.status).toBe('active');
      expect(hrByEmail.has(a.alias)).toBe(false);
      expect(a.alias).toMatch(simpleEmail);
      expect(a.field).toBe(a.alias.endsWith('@acme.example') ? 'proxyAddresses' : 'otherMails');
    }
    expect(new Set(org.aliases.map((a) => a.alias)).size).toBe(org.aliases.length);
    expect(org.aliases.filter((a) => holders.has(a.alias)).length).toBeGreaterThanOrEqual(10);
    // Every acme.example address with an account is known: an employee, an alias or a service mailbox.
    const known = new Set([...hrByEmail.keys(), ...org.aliases.map((a) => a.alias), ...serviceMailboxes]);
    expect([...holders].filter((e) => ownDomain.test(e) && !known.has(e))).toEqual([]);
  });

  it('leaves offboarding work: leavers who still hold active accounts', () => {
    const leftovers = new Set(
      accounts.flatMap(({ rows }) =>
        rows.filter((r) => terminated.has(r.email) && r.status === 'active').map((r) => r.email),
      ),
    );
    expect(leftovers.size).toBeGreaterThanOrEqual(20);
  });

  it('has 8,000-12,000 accounts, company-wide tools near everyone, and apps without usage data', () => {
    const total = accounts.reduce((sum, { rows }) => sum + rows.length, 0);
    expect(total).toBeGreaterThanOrEqual(8_000);
    expect(total).toBeLessThanOrEqual(12_000);
    for (const name of ['Slack', 'Google Workspace', 'Zoom']) {
      const count = accounts.find(({ app }) => app.name === name)?.rows.length ?? 0;
      expect(count, name).toBeGreaterThanOrEqual(400);
      expect(count, name).toBeLessThanOrEqual(500);
    }
    const withoutUsage = accounts.filter(({ rows }) => rows.every((r) => r.lastUsedAt === null));
    expect(withoutUsage.length).toBeGreaterThanOrEqual(5);
    expect(withoutUsage.length).toBeLessThanOrEqual(12);
    // Apps that do report usage report a spread: mostly recent, some stale, some never used.
    const used = accounts.filter(({ rows }) => rows.some((r) => r.lastUsedAt)).flatMap(({ rows }) => rows);
    const recent = used.filter(
      (r) => r.lastUsedAt && now.getTime() - Date.parse(r.lastUsedAt) < 30 * 86_400_000,
    );
    expect(recent.length / used.length).toBeGreaterThan(0.6);
    expect(used.filter((r) => !r.lastUsedAt).length / used.length).toBeGreaterThan(0.05);
  });
});
