import { parseAllowList } from '../../src/lib/outbound/address-policy.js';
import {
  createOutboundClient,
  defaultMaxBytes,
  type OutboundClient,
} from '../../src/lib/outbound/outbound-client.js';

/**
 * The simulators and test endpoints listen on loopback, which Roster refuses by default: tests open it the
 * way an admin opens a mirror, through ROSTER_OUTBOUND_ALLOW.
 */
export const loopbackAllow = '127.0.0.1,::1,localhost';

let shared: OutboundClient | undefined;

/** What a connector test hands a source kind's fetch to reach its simulator. */
export function loopbackFetchContext(): { filesDir: string; maxFileBytes: number; outbound: OutboundClient } {
  shared ??= createOutboundClient({ policy: parseAllowList(loopbackAllow), maxBytes: defaultMaxBytes });
  return { filesDir: '', maxFileBytes: defaultMaxBytes, outbound: shared };
}
