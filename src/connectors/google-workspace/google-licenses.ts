import { normaliseEmail } from '../../lib/email.js';
import { followPages } from '../kit/paging.js';
import type { ProviderHttp } from '../kit/provider-http.js';
import type { SourceRecordInput } from '../kit/records.js';
import { provider } from './google-client.js';
import { workspaceApp } from './google-users.js';

/**
 * Workspace licences from the Enterprise License Manager. Assignments are listed per product, not per user,
 * so they are read before the users and kept as email → SKU names (a few MB at 50,000 users), letting each
 * account carry the licences it holds. The API tells nothing of purchased seats (that is the Reseller API).
 */
interface LicenseAssignmentList {
  items?: { userId?: string; productId?: string; skuId?: string; skuName?: string }[];
  nextPageToken?: string;
}

export interface Licenses {
  byEmail: Map<string, string[]>;
  types: SourceRecordInput[];
}

/** Every assignment of the products, page by page (`licenseAssignments.listForProduct`). */
function assignmentPages(
  http: ProviderHttp,
  licensingBaseUrl: string,
  customerId: string,
  productId: string,
) {
  const first = new URL(
    `${licensingBaseUrl}/apps/licensing/v1/product/${encodeURIComponent(productId)}/users`,
  );
  first.searchParams.set('customerId', customerId);
  first.searchParams.set('maxResults', '1000');
  return followPages(
    `${provider} licence assignments`,
    first.href,
    async (url) => (await http.getJson<LicenseAssignmentList>(url)).body,
    (page) => {
      if (!page.nextPageToken) return null;
      const next = new URL(first);
      next.searchParams.set('pageToken', page.nextPageToken);
      return next.href;
    },
  );
}

/**
 * The licences one user holds among the products: the API lists assignments per product (or SKU) and
 * gets one by product, SKU and user, but cannot list a user's, so each product's list is read and filtered.
 */
export async function assignmentsOf(
  http: ProviderHttp,
  licensingBaseUrl: string,
  customerId: string,
  products: readonly string[],
  email: string,
): Promise<{ productId: string; skuId: string; userId: string; name: string }[]> {
  const wanted = normaliseEmail(email);
  const held: { productId: string; skuId: string; userId: string; name: string }[] = [];
  for (const productId of products)
    for await (const page of assignmentPages(http, licensingBaseUrl, customerId, productId))
      for (const item of page.items ?? [])
        if (item.userId && item.skuId && normaliseEmail(item.userId) === wanted)
          held.push({
            productId: item.productId ?? productId,
            skuId: item.skuId,
            userId: item.userId,
            name: licenseName(item, productId),
          });
  return held;
}

/** The licence type's name a sync gives an assignment's SKU (so a workflow can name it back). */
function licenseName(item: { productId?: string; skuId?: string; skuName?: string }, productId: string) {
  // Display names come from the API (public SKU tables disagree); an unnamed SKU keeps its id.
  return (item.skuName?.trim() || `${item.productId ?? productId} ${item.skuId}`).slice(0, 200);
}

export async function readLicenses(
  http: ProviderHttp,
  licensingBaseUrl: string,
  customerId: string,
  products: readonly string[],
): Promise<Licenses> {
  const byEmail = new Map<string, string[]>();
  const skuNames = new Map<string, string>();
  for (const productId of products) {
    for await (const page of assignmentPages(http, licensingBaseUrl, customerId, productId)) {
      for (const item of page.items ?? []) {
        if (!item.userId || !item.skuId) continue;
        const name = licenseName(item, productId);
        skuNames.set(`${item.productId ?? productId}/${item.skuId}`, name);
        const email = normaliseEmail(item.userId);
        const held = byEmail.get(email) ?? [];
        if (!held.includes(name)) held.push(name);
        byEmail.set(email, held);
      }
    }
  }
  const types: SourceRecordInput[] = [...new Set(skuNames.values())].map((name) => ({
    type: 'license_type',
    ref: `licenses[${name}]`,
    app: workspaceApp,
    name,
    purchased: null,
  }));
  return { byEmail, types };
}
