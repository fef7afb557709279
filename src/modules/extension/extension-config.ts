import { createHash } from 'node:crypto';
import type { Roster } from '../../roster.js';
import { organisationDomains } from './extension-tokens.js';
import { type PublishedApp, publishedApps } from './published-apps.js';

export interface ExtensionConfig {
  email: string;
  orgDomains: string[];
  apps: PublishedApp[];
  /** Changes whenever domains or apps change, so the extension can tell whether to reload its matchers. */
  version: string;
}

/** What the extension of one person needs: whose it is, the organisation's domains and the apps to match. */
export async function extensionConfig(roster: Roster, email: string): Promise<ExtensionConfig> {
  const { db } = roster.database;
  const [orgDomains, apps] = await Promise.all([organisationDomains(db), publishedApps(db)]);
  const version = createHash('sha256')
    .update(JSON.stringify({ orgDomains, apps }))
    .digest('base64url')
    .slice(0, 16);
  return { email, orgDomains, apps, version };
}
