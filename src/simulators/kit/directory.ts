import { en, Faker } from '@faker-js/faker';

/**
 * One organisation, shared by every simulated provider so that Entra ID, Google Workspace, Okta and
 * BambooHR describe the same people, as they do in a real company. Drawn from a seeded Faker: the same
 * options give the same organisation, byte for byte; nothing reads the clock except through `now`.
 */
export interface DirectoryPerson {
  /** Stable provider-neutral id (a UUID); simulators derive their own ids from it. */
  id: string;
  givenName: string;
  familyName: string;
  displayName: string;
  /** Primary work address on the main domain. */
  email: string;
  /** Other work addresses on the alias domains (proxy addresses, Google aliases, Okta secondEmail). */
  aliases: string[];
  personalEmail: string | null;
  kind: 'employee' | 'contractor' | 'service';
  /** In the identity provider: enabled, suspended (disabled) or deprovisioned (deleted, still listed by Okta). */
  accountStatus: 'active' | 'suspended' | 'deprovisioned';
  employment: 'active' | 'terminated';
  terminationDate: string | null;
  department: string;
  jobTitle: string;
  managerEmail: string | null;
  employeeNumber: string;
  isAdmin: boolean;
  createdAt: string;
  /** Last interactive sign-in; null means never. */
  lastSignInAt: string | null;
  /** Subscription SKU part numbers assigned to the person (Microsoft 365 / Workspace licences). */
  licenses: string[];
  /** Names of the directory's SSO / OAuth apps the person is assigned to or granted. */
  apps: string[];
}

export interface DirectorySku {
  id: string;
  partNumber: string;
  name: string;
  purchased: number;
}

export interface DirectoryApp {
  id: string;
  name: string;
  domain: string;
}

export interface Directory {
  domain: string;
  aliasDomains: string[];
  people: DirectoryPerson[];
  skus: DirectorySku[];
  apps: DirectoryApp[];
}

export interface DirectoryOptions {
  seed?: number;
  people: number;
  domain?: string;
  aliasDomains?: string[];
  aliasesPerPerson?: number;
  now: Date;
}

const DAY_MS = 86_400_000;
const departments = [
  'Engineering',
  'Sales',
  'Support',
  'Marketing',
  'Product',
  'Operations',
  'Finance',
  'IT',
  'HR',
  'Legal',
];
const skuTable: [partNumber: string, name: string][] = [
  ['SPE_E3', 'Microsoft 365 E3'],
  ['SPE_E5', 'Microsoft 365 E5'],
  ['POWER_BI_PRO', 'Power BI Pro'],
  ['VISIOCLIENT', 'Visio Plan 2'],
];
const appTable: [name: string, domain: string][] = [
  ['Slack', 'slack.com'],
  ['Zoom', 'zoom.us'],
  ['Salesforce Sales Cloud', 'salesforce.com'],
  ['GitHub', 'github.com'],
  ['Atlassian Cloud', 'atlassian.com'],
  ['Notion', 'notion.so'],
  ['Figma', 'figma.com'],
  ['Miro', 'miro.com'],
  ['DocuSign eSignature', 'docusign.com'],
  ['Calendly', 'calendly.com'],
  ['Loom', 'loom.com'],
  ['Grammarly', 'grammarly.com'],
];

export function generateDirectory(options: DirectoryOptions): Directory {
  const faker = new Faker({ locale: [en] });
  faker.seed(options.seed ?? 20261128);
  const domain = options.domain ?? 'acme.example';
  const aliasDomains = options.aliasDomains ?? ['acme-labs.example', 'acme.example.net', 'old-acme.example'];
  const aliasCount = Math.min(options.aliasesPerPerson ?? 1, aliasDomains.length);
  const now = options.now.getTime();
  const used = new Set<string>();
  const people: DirectoryPerson[] = [];
  const skuCounts = new Map<string, number>();
  for (let i = 0; i < options.people; i++) {
    const givenName = faker.person.firstName();
    const familyName = faker.person.lastName();
    let local = `${givenName}.${familyName}`.toLowerCase().replace(/[^a-z.]/g, '');
    if (used.has(local)) local = `${local}${i}`;
    used.add(local);
    const roll = faker.number.float();
    const kind = roll < 0.04 ? 'service' : roll < 0.12 ? 'contractor' : 'employee';
    const terminated = kind !== 'service' && faker.number.float() < 0.08;
    const createdAt = now - faker.number.int({ min: 30, max: 2000 }) * DAY_MS;
    const terminationDate = terminated
      ? new Date(now - faker.number.int({ min: 1, max: 200 }) * DAY_MS).toISOString().slice(0, 10)
      : null;
    // A leaver's account is usually suspended; some are forgotten and stay enabled, which Roster must catch.
    const accountStatus = terminated
      ? faker.helpers.weightedArrayElement([
          { weight: 5, value: 'suspended' as const },
          { weight: 3, value: 'deprovisioned' as const },
          { weight: 2, value: 'active' as const },
        ])
      : 'active';
    const neverSignedIn = faker.number.float() < 0.05;
    const licenses: string[] =
      kind === 'service'
        ? []
        : [
            faker.helpers.weightedArrayElement([
              { weight: 8, value: 'SPE_E3' },
              { weight: 2, value: 'SPE_E5' },
            ]),
          ];
    if (faker.number.float() < 0.15) licenses.push('POWER_BI_PRO');
    if (faker.number.float() < 0.05) licenses.push('VISIOCLIENT');
    for (const sku of licenses) skuCounts.set(sku, (skuCounts.get(sku) ?? 0) + 1);
    const department = faker.helpers.arrayElement(departments);
    people.push({
      id: faker.string.uuid(),
      givenName,
      familyName,
      displayName: kind === 'service' ? `${department} shared mailbox` : `${givenName} ${familyName}`,
      email: `${local}@${domain}`,
      aliases: aliasDomains.slice(0, aliasCount).map((d) => `${local}@${d}`),
      personalEmail:
        kind === 'employee' ? `${local}.${faker.number.int({ min: 1, max: 99 })}@personal.example` : null,
      kind,
      accountStatus,
      employment: terminated ? 'terminated' : 'active',
      terminationDate,
      department,
      jobTitle: faker.person.jobTitle(),
      managerEmail: null,
      employeeNumber: String(10_000 + i),
      isAdmin: department === 'IT' && faker.number.float() < 0.3,
      createdAt: new Date(createdAt).toISOString(),
      lastSignInAt: neverSignedIn
        ? null
        : new Date(
            Math.max(createdAt, now - faker.number.int({ min: 0, max: terminated ? 400 : 120 }) * DAY_MS),
          ).toISOString(),
      licenses,
      apps: faker.helpers.arrayElements(
        appTable.map(([name]) => name),
        { min: 0, max: 5 },
      ),
    });
  }
  // Managers: the first person of each department manages the others.
  const heads = new Map<string, string>();
  for (const p of people) {
    if (p.kind !== 'employee') continue;
    const head = heads.get(p.department);
    if (head) p.managerEmail = head;
    else heads.set(p.department, p.email);
  }
  const skus = skuTable.map(([partNumber, name]) => {
    const assigned = skuCounts.get(partNumber) ?? 0;
    return {
      id: faker.string.uuid(),
      partNumber,
      name,
      // Purchased above assigned: the unassigned seats Roster reports.
      purchased: assigned + faker.number.int({ min: 0, max: Math.max(2, Math.round(assigned * 0.1)) }),
    };
  });
  const apps = appTable.map(([name, appDomain]) => ({ id: faker.string.uuid(), name, domain: appDomain }));
  return { domain, aliasDomains, people, skus, apps };
}
