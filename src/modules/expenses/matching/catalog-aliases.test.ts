import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../../catalog/catalog.js';
import { buildMatcher } from './matcher.js';
import { normaliseDescriptor, normaliseText } from './normalise.js';

const catalog = readCatalog();

describe("the catalog's expense aliases", () => {
  it('give each normalised name, alias and domain to one app, and none normalises to nothing', () => {
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const entry of catalog) {
      for (const text of [entry.name, ...entry.expenseAliases, ...entry.domains]) {
        const key = normaliseText(text);
        expect(key, `${entry.id}: ${text}`).not.toBe('');
        const other = owner.get(key);
        if (other && other !== entry.id) shared.push(`"${key}" (${text}) in ${other} and ${entry.id}`);
        owner.set(key, entry.id);
      }
    }
    expect(shared).toEqual([]);
  });

  /** Descriptors as they appear on card statements for the common apps, and the app each is. */
  const statements: [string, string][] = [
    ['SLACK T0123ABCD 4155550100 CA', 'slack'],
    ['ZOOM.US 888-799-9666 CA', 'zoom'],
    ['ATLASSIAN 415-701-1110 CA', 'jira'],
    ['GITHUB, INC. 4157356600 CA', 'github'],
    ['GOOGLE *GSUITE_acme.com CC@GOOGLE.COM CA', 'google-workspace'],
    ['GOOGLE *CLOUD 8K2JD9 cc@google.com', 'google-cloud'],
    ['MSFT *MICROSOFT 365 MSBILL.INFO WA', 'microsoft-365'],
    ['MICROSOFT*OFFICE 365 REDMOND WA', 'microsoft-365'],
    ['MSFT *AZURE 800-642-7676 WA', 'microsoft-azure'],
    ['ADOBE *ACROPRO SUBS 408-536-6000 CA', 'adobe-acrobat'],
    ['ADOBE *CREATIVE CLD 408-536-6000 CA', 'adobe-creative-cloud'],
    ['DROPBOX*ABC123XYZ DROPBOX.COM CA', 'dropbox'],
    ['BOX.COM 877-729-4269 CA', 'box'],
    ['PAYPAL *NOTION LABS 402-935-7733 CA', 'notion'],
    ['NOTION.SO 415-555-0100 CA', 'notion'],
    ['FIGMA 415-890-5404 CA', 'figma'],
    ['SALESFORCE.COM 800-667-6389 CA', 'salesforce-sales-cloud'],
    ['HUBSPOT INC 888-482-7768 MA', 'hubspot'],
    ['AWS EMEA aws.amazon.co LU', 'amazon-web-services'],
    ['Amazon web services aws.amazon.co WA', 'amazon-web-services'],
  ];
  const matcher = buildMatcher(catalog, []);

  it.each(statements)('%s is %s', (descriptor, id) => {
    const found = matcher.match(normaliseDescriptor(descriptor, ''));
    expect(found.kind === 'matched' ? found.app.catalogId : found).toBe(id);
  });
});
