import ipaddr from 'ipaddr.js';

/**
 * Which addresses Roster may connect to on someone's behalf. Public unicast addresses only, unless
 * the admin opened a host name or a range with ROSTER_OUTBOUND_ALLOW (a proxy, a mirror, an on-premises
 * service). Loopback, private, link-local (the cloud metadata service), unique-local, carrier-grade NAT and
 * every other special range ipaddr.js knows are refused, so an editor cannot use a source to read
 * the inside of the network Roster runs in.
 */
export interface AddressPolicy {
  /** Host names allowed whatever they resolve to (lower case). */
  readonly hosts: ReadonlySet<string>;
  /** Address ranges allowed, whatever their class. */
  readonly ranges: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

/** The name of the setting that opens addresses, quoted in every refusal. */
export const allowSetting = 'ROSTER_OUTBOUND_ALLOW';

/** Parses the comma-separated allow list: CIDRs, single addresses and host names. Throws naming a bad entry. */
export function parseAllowList(text: string): AddressPolicy {
  const hosts = new Set<string>();
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry.includes('/')) {
      try {
        const [address, bits] = ipaddr.parseCIDR(entry);
        ranges.push([unmapped(address), address.kind() === 'ipv6' && isMapped(address) ? bits - 96 : bits]);
      } catch {
        throw new Error(`"${raw.trim()}" is not a CIDR range`);
      }
    } else if (ipaddr.isValid(stripBrackets(entry))) {
      const address = unmapped(ipaddr.parse(stripBrackets(entry)));
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/.test(entry)) {
      hosts.add(entry.replace(/\.$/, ''));
    } else {
      throw new Error(`"${raw.trim()}" is neither a CIDR range, an address nor a host name`);
    }
  }
  return { hosts, ranges };
}

export const noAllowances: AddressPolicy = { hosts: new Set(), ranges: [] };

/** Whether the admin opened this host name itself (then http:// and any address it resolves to are allowed). */
export function hostIsAllowed(policy: AddressPolicy, hostname: string): boolean {
  return policy.hosts.has(stripBrackets(hostname).toLowerCase().replace(/\.$/, ''));
}

export type AddressVerdict =
  | { allowed: true; listed: boolean }
  | { allowed: false; address: string; kind: string };

/**
 * Whether Roster may connect to `address`. `listed` tells an address the admin opened (which may then use
 * plain http) from an ordinary public one.
 */
export function judgeAddress(policy: AddressPolicy, address: string): AddressVerdict {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = unmapped(ipaddr.parse(stripBrackets(address)));
  } catch {
    return { allowed: false, address, kind: 'not an IP address' };
  }
  if (policy.ranges.some(([base, bits]) => base.kind() === parsed.kind() && parsed.match(base, bits)))
    return { allowed: true, listed: true };
  const range = parsed.range();
  if (range === 'unicast') return { allowed: true, listed: false };
  return { allowed: false, address: parsed.toString(), kind: describeRange(parsed, range) };
}

/**
 * The sentence an error shows for a refused address: what was refused and how to open it. It names only
 * the address and its class, which Roster knew before connecting, so it tells nothing about what listens there.
 */
export function refusal(refused: { address: string; kind: string }, hostname?: string): string {
  const what = hostname
    ? `${hostname} resolves to ${refused.address}, ${refused.kind}`
    : `${refused.address} is ${refused.kind}`;
  return `refused: ${what}; add it to ${allowSetting} to allow it`;
}

const metadataAddresses = new Set(['169.254.169.254', 'fd00:ec2::254']);

function describeRange(address: ipaddr.IPv4 | ipaddr.IPv6, range: string): string {
  if (metadataAddresses.has(address.toString())) return 'the cloud metadata address';
  const names: Record<string, string> = {
    loopback: 'a loopback address',
    private: 'a private address',
    linkLocal: 'a link-local address',
    uniqueLocal: 'a unique-local address',
    carrierGradeNat: 'a carrier-grade NAT address',
    unspecified: 'an unspecified address',
    multicast: 'a multicast address',
    broadcast: 'a broadcast address',
  };
  return names[range] ?? `a reserved address (${range})`;
}

function isMapped(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress();
}

/** ::ffff:10.0.0.1 is 10.0.0.1: judged as IPv4 so a mapped address cannot slip past the IPv4 ranges. */
function unmapped(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return isMapped(address) ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
