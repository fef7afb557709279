import type { SourceRecordInput } from '../kit/records.js';
import { microsoft365 } from './users.js';

export interface SubscribedSku {
  skuId?: string | null;
  skuPartNumber?: string | null;
  appliesTo?: string | null;
  capabilityStatus?: string | null;
  consumedUnits?: number | null;
  prepaidUnits?: { enabled?: number | null } | null;
}

/**
 * Product names of common SKUs, keyed by `skuPartNumber` (Graph gives only the part number; Microsoft
 * publishes the names separately). An unlisted SKU keeps its part number as its name, never a guess.
 */
const productNames: Record<string, string> = {
  SPE_E3: 'Microsoft 365 E3',
  SPE_E5: 'Microsoft 365 E5',
  SPE_F1: 'Microsoft 365 F3',
  SPB: 'Microsoft 365 Business Premium',
  O365_BUSINESS_PREMIUM: 'Microsoft 365 Business Standard',
  O365_BUSINESS_ESSENTIALS: 'Microsoft 365 Business Basic',
  STANDARDPACK: 'Office 365 E1',
  ENTERPRISEPACK: 'Office 365 E3',
  ENTERPRISEPREMIUM: 'Office 365 E5',
  EXCHANGESTANDARD: 'Exchange Online (Plan 1)',
  POWER_BI_PRO: 'Power BI Pro',
  VISIOCLIENT: 'Visio Plan 2',
  PROJECTPROFESSIONAL: 'Project Plan 3',
  AAD_PREMIUM: 'Microsoft Entra ID P1',
  AAD_PREMIUM_P2: 'Microsoft Entra ID P2',
  Microsoft_365_Copilot: 'Microsoft 365 Copilot',
};

/**
 * License types of the Microsoft 365 app from `/subscribedSkus`: purchased seats are
 * `prepaidUnits.enabled`. SKUs that apply to the company rather than to users hold no per-user seats.
 * Returns the records and skuId → license type name for reading users' `assignedLicenses`.
 */
export function licenseTypeRecords(skus: readonly SubscribedSku[]): {
  records: SourceRecordInput[];
  skuNames: Map<string, string>;
} {
  const skuNames = new Map<string, string>();
  const records: SourceRecordInput[] = [];
  const used = new Set<string>();
  skus.forEach((sku, index) => {
    const part = sku.skuPartNumber?.trim();
    if (!sku.skuId || !part) return;
    if (sku.appliesTo && sku.appliesTo.toLowerCase() !== 'user') return;
    let name = productNames[part] ?? part;
    // Two SKUs sharing a product name (a trial beside the paid plan) stay apart by their part number.
    if (used.has(name.toLowerCase())) name = `${name} (${part})`;
    used.add(name.toLowerCase());
    skuNames.set(sku.skuId.toLowerCase(), name);
    const enabled = sku.prepaidUnits?.enabled;
    records.push({
      type: 'license_type',
      app: microsoft365.name,
      name,
      purchased: typeof enabled === 'number' && Number.isInteger(enabled) && enabled >= 0 ? enabled : null,
      pricePerUserCents: null,
      ref: `subscribedSkus[${index}]`,
    });
  });
  return { records, skuNames };
}
