import { createHmac } from 'node:crypto';

/**
 * The `Roster-Signature` header of a delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`
 * keyed with the webhook's secret. Signing the timestamp with the body lets a receiver refuse a replayed
 * delivery (docs/webhooks.md). Each attempt is signed again with its own time.
 */
export const signatureHeader = 'Roster-Signature';

export function signDelivery(secret: string, unixSeconds: number, rawBody: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}
