import { en, Faker } from '@faker-js/faker';

/**
 * A fictional but realistic organisation for `roster serve --demo`: an HR file, 60 app feeds and the
 * identity aliases a directory connector would report. Everything is drawn from one seeded Faker so a demo
 * (and every screenshot or test built on it) is reproducible; nothing here reads the clock or Math.random.
 */

export interface DemoOptions {
  seed?: number;
  now: Date;
}

export interface RosterSnapshotUser {
  email: string;
  name?: string | null;
  status?: 'active' | 'suspended' | 'deleted';
  role?: string | null;
  licenseTypes?: string[];
  lastUsedAt?: string | null;
}
export interface RosterSnapshot {
  users: RosterSnapshotUser[];
  licenseTypes: { name: string; purchased?: number | null; pricePerUserCents?: number | null }[];
}
export interface ToriiSnapshot {
  users: {
    email: string;
    firstName?: string;
    lastName?: string;
    status: 'active' | 'deleted';
    externalStatus?: string;
    roles?: string[];
    lastUsedDate?: string;
  }[];
  licenses: {
    name: string;
    unassignedAmount: number;
    pricePerUser: number;
    users: { email: string; licenseStatus: 'active' }[];
  }[];
}
export type DemoApp =
  | { name: string; custom: boolean; feed: 'csv'; csv: string }
  | { name: string; custom: boolean; feed: 'custom'; snapshot: RosterSnapshot | ToriiSnapshot };
export interface DemoOrganisation {
  name: string;
  domains: string[];
  adminEmail: string;
  hrCsv: string;
  apps: DemoApp[];
  aliases: { primary: string; alias: string; field: 'proxyAddresses' | 'otherMails' | 'emails' }[];
  /** Everyone with an address at Acme (employees, contractors, shared mailboxes): the identity providers' users. */
  people: DemoPerson[];
}

export interface DemoPerson {
  kind: 'employee' | 'contractor' | 'service';
  first: string;
  last: string;
  email: string;
  department: string;
  /** ISO date, for leavers. */
  terminatedOn: string | null;
  personalEmail: string | null;
  managerEmail: string | null;
  alias: string | null;
  /** Apps the person holds an active account in. */
  apps: string[];
}

export const DEFAULT_DEMO_SEED = 20261123;
export const HR_CSV_HEADER = 'email,name,status,termination_date,personal_email,department,manager_email';
export const APP_CSV_HEADER = 'email,name,status,role,license_types,last_used_at';

const DAY_MS = 86_400_000;
const MAIN_DOMAIN = 'acme.example';
const LABS_DOMAIN = 'acme-labs.example';

// Head counts add up to 500; roughly 8% of them are drawn as terminated.
const departmentSizes = {
  Engineering: 150,
  Sales: 95,
  Support: 55,
  Marketing: 45,
  Product: 35,
  Operations: 35,
  Finance: 25,
  IT: 20,
  HR: 20,
  Legal: 20,
} as const;
type Department = keyof typeof departmentSizes;
const departments = Object.keys(departmentSizes) as Department[];

// Shared mailboxes with app seats but no HR record: the "who owns this?" rows of a real tenant.
// The owning team decides the role: IT's mailboxes are app admins, the others plain members.
const serviceAccounts: [local: string, displayName: string, team: Department, apps: string[]][] = [
  ['it-admin', 'IT Admin', 'IT', ['Okta', 'Google Workspace', '1Password', 'Slack', 'Jira', 'Cloudflare']],
  ['billing', 'Billing', 'Finance', ['Ramp', 'Expensify', 'Acme Billing Console', 'DocuSign eSignature']],
  ['support', 'Acme Support', 'Support', ['Zendesk', 'Intercom', 'Slack', 'Google Workspace']],
  ['ci-bot', '', 'Engineering', ['GitHub', 'GitLab', 'Vercel', 'Netlify', 'Sentry', 'Datadog']],
  ['marketing-ops', 'Marketing Ops', 'Marketing', ['HubSpot', 'Mailchimp', 'Canva', 'Webflow', 'Typeform']],
  ['security', 'Security Team', 'IT', ['Okta', '1Password', 'Cloudflare', 'Datadog', 'PagerDuty']],
  ['finance-shared', '', 'Finance', ['Ramp', 'Expensify', 'Gusto', 'Workday HCM', 'Box']],
  ['recruiting', 'Recruiting', 'HR', ['Greenhouse', 'BambooHR', 'Calendly', 'Zoom']],
  ['qa-automation', '', 'Engineering', ['Postman', 'GitHub', 'Jira', 'Sentry']],
  ['social', 'Acme Social', 'Marketing', ['Canva', 'Mailchimp', 'Loom']],
];

/**
 * The 60 apps, one row each so the whole estate can be read at a glance. Catalog names are byte-for-byte
 * those of catalog/apps.json (Roster links an app to the catalog by name).
 * - reach: the chance that an active employee of a department holds an account (`*` = every department not
 *   listed), which yields company-wide tools next to team and niche ones.
 * - licenses: `Name=price in cents per user per month`, the first being the common tier.
 * - roles: the usual role first.
 * - flags: `custom` (not in the catalog); `roster`/`torii` (a custom-integration snapshot in that shape,
 *   else a CSV upload); `no-usage` (the export has no last-login column, so Roster must show "usage
 *   unknown" rather than "unused"); `staff-only` (internal HR/finance tools contractors never get).
 */
// biome-ignore format: one app per line keeps the table scannable
const appTable: [name: string, reach: string, licenses: string, roles: string, flags?: string][] = [
  ['1Password', '*:.9', 'Business=799', 'member;admin;owner'],
  ['Acme Billing Console', 'Finance:.9 Support:.75 Sales:.25', 'Operator=0', 'viewer;operator;admin', 'custom roster'],
  ['Acme Intranet', '*:.93', 'Employee=0', 'member;editor;admin', 'custom roster'],
  ['Airtable', 'Operations:.6 Marketing:.4 Product:.4 *:.08', 'Team=2000;Business=4500', 'editor;creator;owner', 'roster'],
  ['Amplitude', 'Product:.45 Engineering:.05', 'Growth=4900', 'member;admin'],
  ['Asana', 'Marketing:.9 Operations:.75 HR:.7 *:.3', 'Starter=1099;Advanced=2499', 'member;admin'],
  ['BambooHR', 'HR:.9 *:.01', 'Core=800', 'employee;hr-admin', 'staff-only'],
  ['Box', 'Legal:.85 Finance:.7 HR:.5 *:.1', 'Business=1500;Business Plus=2500', 'user;co-admin;admin', 'no-usage'],
  ['Calendly', 'Sales:.9 Support:.35 HR:.65 *:.15', 'Standard=1000;Teams=1600', 'user;admin'],
  ['Canva', 'Marketing:.9 Sales:.25 HR:.35 Product:.25 *:.08', 'Teams=1000', 'member;designer;admin', 'no-usage'],
  ['ClickUp', 'Operations:.35 Marketing:.1', 'Unlimited=700;Business=1200', 'member;guest;admin'],
  ['Cloudflare', 'Engineering:.1 IT:.6', 'Pro=2000;Business=20000', 'member;administrator'],
  ['Confluence', '*:.85 Engineering:.95 Product:.95', 'Standard=605;Premium=1150', 'user;space-admin;admin'],
  ['Datadog', 'Engineering:.85 IT:.75', 'Pro=1500;Enterprise=2300', 'standard;read-only;admin', 'roster'],
  ['DocuSign eSignature', 'Legal:.9 Sales:.55 HR:.7 Finance:.55 *:.03', 'Standard=2500;Business Pro=4000', 'sender;admin', 'no-usage'],
  ['Dropbox', 'Marketing:.4 Sales:.35 *:.25', 'Standard=1500;Advanced=2400', 'member;team-admin'],
  ['Expensify', '*:.85', 'Collect=500;Control=900', 'employee;approver;admin', 'staff-only'],
  ['Figma', 'Product:.95 Marketing:.6 Engineering:.45 *:.08', 'Professional=1500;Organization=4500;Viewer=0', 'editor;viewer;admin', 'roster'],
  ['GitHub', 'Engineering:.97 Product:.35 IT:.5 *:.01', 'Team=400;Enterprise=2100', 'member;maintainer;owner', 'roster'],
  ['GitLab', 'Engineering:.25 IT:.3', 'Premium=2900', 'developer;maintainer;owner'],
  ['Google Workspace', '*:1', 'Business Standard=1400;Business Plus=2200', 'user;admin;super-admin', 'staff-only'],
  ['Grammarly', '*:.75', 'Pro=1500', 'member;admin', 'no-usage'],
  ['Gusto', 'HR:.5 Finance:.45', 'Plus=1200', 'member;admin', 'staff-only'],
  ['Greenhouse', 'HR:.95 *:.22', 'Interviewer=0;Recruiter=6000', 'interviewer;hiring-manager;site-admin'],
  ['HubSpot', 'Marketing:.95 Sales:.6', 'Sales Hub Professional=9000;Marketing Hub Professional=8900', 'user;super-admin', 'roster'],
  ['Intercom', 'Support:.85 Sales:.3 Product:.4 Engineering:.1', 'Essential=2900;Advanced=8500', 'teammate;admin'],
  ['Jira', 'Engineering:.97 Product:.95 Support:.7 IT:.85 Operations:.4 *:.15', 'Standard=815;Premium=1600', 'user;project-admin;site-admin', 'roster'],
  ['Linear', 'Engineering:.55 Product:.75', 'Standard=800;Plus=1400', 'member;guest;admin'],
  ['Legacy CRM', 'Sales:.35 Support:.15', 'Named User=3500', 'user;manager;admin', 'custom torii'],
  ['LastPass', 'Sales:.15 Marketing:.15 *:.02', 'Teams=400;Business=700', 'user;admin'],
  ['Looker', 'Product:.75 Marketing:.45 Engineering:.12 Finance:.4 Sales:.2', 'Viewer=3000;Developer=12500', 'viewer;developer;admin'],
  ['Loom', '*:.8', 'Business=1250', 'creator;viewer;admin', 'roster'],
  ['Lucidchart', 'Engineering:.4 Product:.5 IT:.5 *:.15', 'Team=900', 'member;admin', 'no-usage'],
  ['Mailchimp', 'Marketing:.6', 'Standard=2000', 'author;manager;admin'],
  ['Microsoft Teams', 'Sales:.7 Finance:.6 Legal:.7 Support:.5 *:.45', 'Essentials=400;Premium=1000', 'member;owner'],
  ['Miro', 'Product:.8 Marketing:.45 Operations:.5 *:.4', 'Starter=800;Business=1600', 'member;guest;admin'],
  ['Mixpanel', 'Product:.8 Marketing:.35 Engineering:.1', 'Growth=2800', 'consumer;analyst;owner'],
  ['monday.com', 'Operations:.4 *:.01', 'Standard=1200;Pro=1900', 'member;viewer;admin'],
  ['Netlify', 'Engineering:.08 Marketing:.1', 'Pro=1900', 'developer;owner'],
  ['Notion', '*:.9', 'Plus=1000;Business=1500', 'member;guest;workspace-owner', 'roster'],
  ['Okta', '*:.97', 'Workforce Identity=600;Lifecycle Management=400', 'user;app-admin;super-admin', 'roster'],
  ['PagerDuty', 'Engineering:.5 IT:.7 Support:.3', 'Professional=2100;Business=4100', 'responder;manager;admin'],
  ['Postman', 'Engineering:.7 Product:.1', 'Basic=1400;Professional=2900', 'editor;viewer;admin'],
  ['Ramp', 'Finance:.95 Sales:.45 Operations:.6 *:.12', 'Plus=1500', 'employee;bookkeeper;admin', 'staff-only'],
  ['Salesforce Sales Cloud', 'Sales:.98 Support:.35 Marketing:.25 Finance:.25', 'Enterprise=16500;Platform=2500', 'standard-user;sales-manager;system-administrator', 'roster'],
  ['Segment', 'Engineering:.1 Marketing:.25', 'Team=12000', 'workspace-member;workspace-owner'],
  ['Sentry', 'Engineering:.85 Product:.15', 'Team=2600;Business=8000', 'member;manager;owner'],
  ['Slack', '*:.97', 'Pro=875;Business+=1500', 'member;admin;owner', 'roster'],
  ['Smartsheet', 'Operations:.45 Finance:.45', 'Pro=900;Business=1900', 'editor;viewer;admin', 'no-usage'],
  ['Snowflake', 'Engineering:.22 Finance:.35 Product:.35 Operations:.25', 'Standard=0;Enterprise=0', 'analyst;sysadmin;accountadmin', 'torii'],
  ['SurveyMonkey', 'HR:.65 Marketing:.25 Product:.1', 'Team Advantage=3000', 'member;analyst;admin', 'no-usage'],
  ['Tableau', 'Finance:.65 Sales:.25 Operations:.35 *:.05', 'Viewer=1500;Explorer=4200;Creator=7500', 'viewer;explorer;site-admin', 'torii'],
  ['Trello', 'Marketing:.3 Support:.3 *:.12', 'Standard=500;Premium=1000', 'normal;observer;admin'],
  ['Typeform', 'Marketing:.45 Product:.12', 'Basic=2500', 'member;admin'],
  ['Vercel', 'Engineering:.15', 'Pro=2000', 'developer;member;owner'],
  ['Warehouse Scanner', 'Operations:.85', 'Handheld=1200', 'operator;supervisor', 'custom torii no-usage'],
  ['Webflow', 'Marketing:.35', 'CMS=2300;Editor=0', 'designer;content-editor;admin'],
  ['Workday HCM', '*:.95', 'Worker=4500', 'employee;manager;hr-partner', 'roster staff-only'],
  ['Zendesk', 'Support:.98 Product:.25 Engineering:.05', 'Suite Team=5500;Light Agent=0', 'agent;light-agent;admin', 'roster'],
  ['Zoom', '*:.95', 'Pro=1333;Business=1833;Webinar=7900', 'member;admin;owner', 'roster'],
];

interface AppSpec {
  name: string;
  custom: boolean;
  feed: 'csv' | 'roster' | 'torii';
  reportsUsage: boolean;
  staffOnly: boolean;
  reach: (department: Department) => number;
  licenses: { name: string; priceCents: number }[];
  roles: string[];
}

function parseApp([name, reach, licenses, roles, flags = '']: (typeof appTable)[number]): AppSpec {
  const chances = new Map<string, number>();
  for (const part of reach.split(' ')) {
    const [dept = '', p = ''] = part.split(':');
    // A typo in a department name would silently zero an app's reach; fail loudly instead.
    if (dept !== '*' && !(dept in departmentSizes)) throw new Error(`Unknown department ${dept} in ${name}`);
    chances.set(dept, Number(p));
  }
  const flag = new Set(flags.split(' '));
  return {
    name,
    custom: flag.has('custom'),
    feed: flag.has('torii') ? 'torii' : flag.has('roster') ? 'roster' : 'csv',
    reportsUsage: !flag.has('no-usage'),
    staffOnly: flag.has('staff-only'),
    reach: (dept) => chances.get(dept) ?? chances.get('*') ?? 0,
    licenses: licenses
      .split(';')
      .map((l) => ({ name: l.split('=')[0]!, priceCents: Number(l.split('=')[1]) })),
    roles: roles.split(';'),
  };
}

type Random = ReturnType<typeof createRandom>;
/** Every random draw goes through this one seeded Faker, so the same seed replays the same organisation. */
function createRandom(seed: number) {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const float = (min = 0, max = 1) => faker.number.float({ min, max });
  return {
    faker,
    float,
    chance: (p: number) => float() < p,
    int: (min: number, max: number) => faker.number.int({ min, max }),
    pick: <T>(items: readonly T[]): T => faker.helpers.arrayElement(items),
    shuffle: <T>(items: readonly T[]): T[] => faker.helpers.shuffle([...items]),
  };
}

interface Person {
  kind: 'employee' | 'contractor' | 'service';
  first: string;
  last: string;
  email: string;
  department: Department;
  terminatedOn?: Date;
  personalEmail?: string;
  managerEmail?: string;
  alias?: string;
  aliasHoldsAccounts?: boolean;
  /** Service mailboxes only: the apps the shared login is used in. */
  apps?: string[];
}

type Status = 'active' | 'suspended' | 'deleted';
type Account = Required<RosterSnapshotUser> & { status: Status };

/** Lower-case ASCII letters only ("Zoë O'Brien" gives zoe / obrien), as mail systems build addresses. */
function asciiLocal(part: string): string {
  const cleaned = part
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return cleaned || 'x';
}

/** Claims `local@domain`, adding 2, 3, ... on collision, so no two people ever share an address. */
function claimAddress(local: string, domain: string, taken: Set<string>): string {
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`;
  taken.add(email);
  return email;
}

/** A whole-second timestamp `days` before now, like real exports (no millisecond noise). */
const isoDaysAgo = (now: Date, days: number) =>
  new Date(Math.floor((now.getTime() - days * DAY_MS) / 1000) * 1000).toISOString();

function newPerson(r: Random, kind: Person['kind'], dept: Department, domain: string, taken: Set<string>) {
  const first = r.faker.person.firstName();
  const last = r.faker.person.lastName();
  const email = claimAddress(`${asciiLocal(first)}.${asciiLocal(last)}`, domain, taken);
  const person: Person = { kind, first, last, email, department: dept };
  return person;
}

/** Employees with a reporting line: a CEO, a head per department, team leads (1 per 8) and everyone else. */
function buildEmployees(r: Random, now: Date, taken: Set<string>): Person[] {
  const people = departments.flatMap((dept) =>
    Array.from({ length: departmentSizes[dept] }, () => newPerson(r, 'employee', dept, MAIN_DOMAIN, taken)),
  );
  const ceo = people.find((p) => p.department === 'Operations')!;
  for (const p of r.shuffle(people.filter((p) => p !== ceo)).slice(0, r.int(36, 44))) {
    p.terminatedOn = new Date(now.getTime() - r.int(1, 400) * DAY_MS);
  }
  for (const p of people.filter(() => r.chance(0.2))) {
    const local = `${asciiLocal(p.first)}.${asciiLocal(p.last)}${r.int(1, 99)}`;
    p.personalEmail = claimAddress(local, r.pick(['gmail.com', 'outlook.com']), taken);
  }
  // Managers are always active, so the HR file never points a report at someone who has left.
  for (const dept of departments) {
    const members = people.filter((p) => p.department === dept && p !== ceo);
    const [head, ...rest] = members.filter((p) => !p.terminatedOn);
    const leads = rest.slice(0, Math.ceil(rest.length / 8));
    for (const p of members) {
      const managers = p === head || !head ? [ceo] : leads.includes(p) || !leads.length ? [head] : leads;
      p.managerEmail = r.pick(managers).email;
    }
  }
  return people;
}

/** Gives ~30 active employees a second address; half of them signed up to some apps with it. */
function assignAliases(r: Random, employees: Person[], taken: Set<string>): DemoOrganisation['aliases'] {
  const chosen = r.shuffle(employees.filter((p) => !p.terminatedOn)).slice(0, r.int(27, 33));
  return chosen.map((p, i) => {
    const labs = i % 2 === 0;
    const local = labs ? p.email.split('@')[0]! : `${asciiLocal(p.first)[0]}${asciiLocal(p.last)}`;
    p.alias = claimAddress(local, labs ? LABS_DOMAIN : MAIN_DOMAIN, taken);
    p.aliasHoldsAccounts = i < chosen.length / 2;
    return { primary: p.email, alias: p.alias, field: labs ? 'otherMails' : 'proxyAddresses' };
  });
}

function buildContractors(r: Random, taken: Set<string>): Person[] {
  const groups: [domain: string, count: number, depts: Department[]][] = [
    ['northwind-consulting.example', r.int(10, 13), ['Engineering', 'Engineering', 'Product']],
    ['freelance.example', r.int(7, 9), ['Marketing', 'Engineering', 'Product']],
    ['gmail.com', r.int(4, 6), ['Sales', 'Marketing', 'Support']],
  ];
  return groups.flatMap(([domain, count, depts]) =>
    Array.from({ length: count }, () => newPerson(r, 'contractor', r.pick(depts), domain, taken)),
  );
}

/** ~70% used in the last 30 days, ~5% 30-90, ~15% 90-300 (inactive seats), ~10% never; leavers stopped. */
function lastUsedAt(r: Random, person: Person, now: Date): string | null {
  if (person.terminatedOn) {
    if (r.chance(0.12)) return null;
    const sinceExit = (now.getTime() - person.terminatedOn.getTime()) / DAY_MS;
    // A few leavers kept logging in after their last day: exactly what offboarding must surface.
    return isoDaysAgo(now, r.chance(0.1) ? r.float(0, sinceExit) : sinceExit + r.float(0, 45));
  }
  const x = r.float();
  if (x < 0.7) return isoDaysAgo(now, r.float(0, 30));
  if (x < 0.75) return isoDaysAgo(now, r.float(30, 90));
  if (x < 0.9) return isoDaysAgo(now, r.float(90, 300));
  return null;
}

/** How the app shows a person: usually the full name, sometimes a first name or handle, sometimes nothing. */
function displayName(r: Random, p: Person): string | null {
  if (p.kind === 'service') return p.first || null;
  const x = r.float();
  if (x < 0.75) return `${p.first} ${p.last}`;
  if (x < 0.9) return r.chance(0.5) ? p.first : `${asciiLocal(p.first)[0]}${asciiLocal(p.last)}`;
  return null;
}

function newAccount(r: Random, app: AppSpec, p: Person, now: Date, status: Status): Account {
  const [usual = null, ...others] = app.roles;
  // IT administers most tools, so its people (and mailboxes) hold far more elevated roles than others.
  const role = others.length && r.chance(p.department === 'IT' ? 0.35 : 0.06) ? r.pick(others) : usual;
  // Deleted accounts have given their seat back; a few live ones are free or guest seats with no license.
  const [main, ...extra] = app.licenses.map((l) => l.name);
  let licenseTypes: string[] = [];
  if (status !== 'deleted' && main && !r.chance(0.04)) {
    licenseTypes = [extra.length && r.chance(0.3) ? r.pick(extra) : main];
    if (extra.length && r.chance(0.05)) licenseTypes = [...new Set([main, r.pick(extra)])];
  }
  const used = lastUsedAt(r, p, now);
  const name = displayName(r, p);
  return { email: p.email, name, status, role, licenseTypes, lastUsedAt: app.reportsUsage ? used : null };
}

/** Every account of every app, keyed by app name then email (so one email appears at most once per app). */
function buildAccounts(r: Random, apps: AppSpec[], people: Person[], now: Date) {
  const byApp = new Map(apps.map((a) => [a.name, new Map<string, Account>()]));
  const add = (app: AppSpec, p: Person, status: Status) =>
    byApp.get(app.name)!.set(p.email, newAccount(r, app, p, now, status));
  for (const p of people) {
    if (p.kind === 'service') {
      for (const app of apps) if (p.apps?.includes(app.name)) add(app, p, 'active');
    } else if (p.terminatedOn) {
      // Incomplete offboarding: most leavers keep one to four seats, the first of them still active.
      const held = r.shuffle(apps.filter((a) => r.chance(a.reach(p.department))));
      if (r.chance(0.15)) continue;
      for (const [i, app] of held.slice(0, r.int(1, 4)).entries()) {
        add(app, p, i === 0 || r.chance(0.55) ? 'active' : r.chance(0.8) ? 'suspended' : 'deleted');
      }
    } else {
      // Contractors get fewer tools than staff in the same team, and never internal HR/finance ones.
      const factor = p.kind === 'contractor' ? 0.55 : 1;
      for (const app of apps) {
        if (p.kind === 'contractor' && app.staffOnly) continue;
        if (!r.chance(app.reach(p.department) * factor)) continue;
        const x = r.float();
        add(app, p, x < 0.03 ? 'suspended' : x < 0.05 ? 'deleted' : 'active');
      }
    }
  }
  // One person, two emails: the alias signs in to some apps instead of (or as well as) the primary address.
  for (const p of people) {
    if (!p.alias || !p.aliasHoldsAccounts) continue;
    const held = apps.filter((a) => byApp.get(a.name)!.has(p.email) && a.name !== 'Google Workspace');
    for (const app of r.shuffle(held).slice(0, r.int(1, 3))) {
      const accounts = byApp.get(app.name)!;
      const account = accounts.get(p.email)!;
      if (r.chance(0.7)) accounts.delete(p.email);
      accounts.set(p.alias, { ...account, email: p.alias });
    }
  }
  return byApp;
}

/** Seats bought per license type: often some spare, sometimes exactly what is used, sometimes unknown. */
function licenseInventory(r: Random, app: AppSpec, accounts: Account[]) {
  return app.licenses.map((license) => {
    const holders = accounts.filter((a) => a.status !== 'deleted' && a.licenseTypes.includes(license.name));
    const x = r.float();
    const spare = x < 0.4 ? 0 : Math.ceil(holders.length * r.float(0.05, 0.35)) + r.int(0, 5);
    return { ...license, holders, purchased: x < 0.2 ? null : holders.length + spare };
  });
}

const csvField = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csvLine = (values: (string | null | undefined)[]) =>
  `${values.map((v) => csvField(v ?? '')).join(',')}\n`;

function renderApp(r: Random, app: AppSpec, accounts: Account[]): DemoApp {
  const inventory = licenseInventory(r, app, accounts);
  const base = { name: app.name, custom: app.custom };
  if (app.feed === 'csv') {
    const rows = accounts.map((a) =>
      csvLine([a.email, a.name, a.status, a.role, a.licenseTypes.join(';'), a.lastUsedAt]),
    );
    return { ...base, feed: 'csv', csv: `${APP_CSV_HEADER}\n${rows.join('')}` };
  }
  if (app.feed === 'roster') {
    const licenseTypes = inventory.map((l) => ({
      name: l.name,
      purchased: l.purchased,
      pricePerUserCents: l.priceCents,
    }));
    return { ...base, feed: 'custom', snapshot: { users: accounts, licenseTypes } };
  }
  // Torii knows only active/deleted; a suspension shows up as the app's own word in externalStatus.
  const users = accounts.map((a): ToriiSnapshot['users'][number] => {
    const [firstName, ...rest] = (a.name ?? '').split(' ');
    return {
      email: a.email,
      ...(firstName ? { firstName } : {}),
      ...(rest.length ? { lastName: rest.join(' ') } : {}),
      status: a.status === 'deleted' ? 'deleted' : 'active',
      externalStatus: { active: 'active', suspended: 'suspended', deleted: 'removed' }[a.status],
      roles: a.role ? [a.role] : [],
      ...(a.lastUsedAt ? { lastUsedDate: a.lastUsedAt } : {}),
    };
  });
  const licenses = inventory.map((l) => ({
    name: l.name,
    unassignedAmount: Math.max(0, (l.purchased ?? l.holders.length) - l.holders.length),
    pricePerUser: l.priceCents,
    users: l.holders.map((h) => ({ email: h.email, licenseStatus: 'active' as const })),
  }));
  return { ...base, feed: 'custom', snapshot: { users, licenses } };
}

function hrCsv(employees: Person[]): string {
  const rows = [...employees].sort(byEmail).map((p) => {
    const left = p.terminatedOn?.toISOString().slice(0, 10) ?? null;
    const [name, status] = [`${p.first} ${p.last}`, left ? 'terminated' : 'active'];
    return csvLine([p.email, name, status, left, p.personalEmail, p.department, p.managerEmail]);
  });
  return `${HR_CSV_HEADER}\n${rows.join('')}`;
}

const byEmail = (a: { email: string }, b: { email: string }) => (a.email < b.email ? -1 : 1);

/** Case-insensitive and locale-free, so monday.com sorts among the m's on every machine. */
export function compareNames(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

export function generateDemoOrganisation(options: DemoOptions): DemoOrganisation {
  const r = createRandom(options.seed ?? DEFAULT_DEMO_SEED);
  const now = options.now;
  // Service mailboxes are claimed first so no employee ends up as support@ or social@.
  const taken = new Set<string>();
  const services = serviceAccounts.map(
    ([local, first, department, apps]): Person => ({
      kind: 'service',
      first,
      last: '',
      email: claimAddress(local, MAIN_DOMAIN, taken),
      department,
      apps,
    }),
  );
  const employees = buildEmployees(r, now, taken);
  const aliases = assignAliases(r, employees, taken);
  const contractors = buildContractors(r, taken);

  const apps = appTable.map(parseApp).sort((a, b) => compareNames(a.name, b.name));
  const accounts = buildAccounts(r, apps, [...employees, ...contractors, ...services], now);
  return {
    name: 'Acme Corporation',
    domains: [MAIN_DOMAIN, LABS_DOMAIN],
    adminEmail: employees.find((p) => p.department === 'IT' && !p.terminatedOn)!.email,
    hrCsv: hrCsv(employees),
    apps: apps.map((app) => renderApp(r, app, [...accounts.get(app.name)!.values()].sort(byEmail))),
    aliases,
    people: [...employees, ...contractors, ...services].map((p) => ({
      kind: p.kind,
      first: p.first,
      last: p.last,
      email: p.email,
      department: p.department,
      terminatedOn: p.terminatedOn?.toISOString().slice(0, 10) ?? null,
      personalEmail: p.personalEmail ?? null,
      managerEmail: p.managerEmail ?? null,
      alias: p.alias ?? null,
      apps: apps
        .filter((app) => accounts.get(app.name)!.get(p.email)?.status === 'active')
        .map((app) => app.name),
    })),
  };
}
