import { en, Faker } from '@faker-js/faker';
import type { Directory, DirectoryPerson } from '../simulators/kit/directory.js';
import type { DemoOrganisation } from './generate-demo.js';

const DAY_MS = 86_400_000;

/** The single-sign-on apps of the demo's identity providers: demo apps people reach through them. */
const ssoApps: [name: string, domain: string][] = [
  ['Slack', 'slack.com'],
  ['Zoom', 'zoom.us'],
  ['Salesforce Sales Cloud', 'salesforce.com'],
  ['GitHub', 'github.com'],
  ['Jira', 'atlassian.net'],
  ['Notion', 'notion.so'],
  ['Figma', 'figma.com'],
  ['Miro', 'miro.com'],
  ['Zendesk', 'zendesk.com'],
  ['Datadog', 'datadoghq.com'],
];

/**
 * The demo organisation as its identity providers and HR system see it, for the simulated Entra ID, Google
 * Workspace, Okta and BambooHR servers the demo syncs from. Directory-only facts (sign-ins, licences, creation
 * dates) come from their own seeded Faker, so the rest of the demo does not change with them.
 */
export function demoDirectory(org: DemoOrganisation, now: Date, seed = 20261128): Directory {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const [domain = 'acme.example', ...aliasDomains] = org.domains;
  const people = org.people.map((p, i): DirectoryPerson => {
    const left = p.terminatedOn !== null;
    const createdAt = now.getTime() - faker.number.int({ min: 60, max: 2500 }) * DAY_MS;
    const leftAt = left ? Date.parse(p.terminatedOn!) : now.getTime();
    const neverSignedIn = faker.number.float() < 0.04;
    const licenses: string[] = [];
    if (p.kind !== 'service') licenses.push(faker.number.float() < 0.85 ? 'SPE_E3' : 'SPE_E5');
    if (p.department === 'Finance' || faker.number.float() < 0.08) licenses.push('POWER_BI_PRO');
    if (p.department === 'Engineering' && faker.number.float() < 0.1) licenses.push('VISIOCLIENT');
    return {
      id: faker.string.uuid(),
      givenName: p.first,
      familyName: p.last,
      displayName: p.kind === 'service' ? p.first || p.email.split('@')[0]! : `${p.first} ${p.last}`,
      email: p.email,
      aliases: p.alias ? [p.alias] : [],
      personalEmail: p.personalEmail,
      kind: p.kind,
      // Most leavers were disabled; some were deleted; a few were forgotten and can still sign in.
      accountStatus: !left
        ? 'active'
        : faker.helpers.weightedArrayElement([
            { weight: 6, value: 'suspended' as const },
            { weight: 2, value: 'deprovisioned' as const },
            { weight: 2, value: 'active' as const },
          ]),
      employment: left ? 'terminated' : 'active',
      terminationDate: p.terminatedOn,
      department: p.department,
      jobTitle: p.kind === 'service' ? 'Shared mailbox' : faker.person.jobTitle(),
      managerEmail: p.managerEmail,
      employeeNumber: String(1000 + i),
      isAdmin: p.department === 'IT' && p.kind !== 'contractor',
      createdAt: new Date(createdAt).toISOString(),
      lastSignInAt: neverSignedIn
        ? null
        : new Date(
            Math.max(
              createdAt,
              Math.min(leftAt, now.getTime()) - faker.number.int({ min: 0, max: 40 }) * DAY_MS,
            ),
          ).toISOString(),
      licenses,
      apps: p.apps.filter((app) => ssoApps.some(([name]) => name === app)),
    };
  });
  const assigned = (sku: string) => people.filter((p) => p.licenses.includes(sku)).length;
  const skus = [
    ['SPE_E3', 'Microsoft 365 E3', 12],
    ['SPE_E5', 'Microsoft 365 E5', 3],
    ['POWER_BI_PRO', 'Power BI Pro', 5],
    ['VISIOCLIENT', 'Visio Plan 2', 0],
  ].map(([partNumber, name, spare]) => ({
    id: faker.string.uuid(),
    partNumber: String(partNumber),
    name: String(name),
    purchased: assigned(String(partNumber)) + Number(spare),
  }));
  const apps = ssoApps.map(([name, appDomain]) => ({ id: faker.string.uuid(), name, domain: appDomain }));
  return { domain, aliasDomains, people, skus, apps };
}
