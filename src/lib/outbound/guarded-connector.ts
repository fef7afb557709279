import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { type AddressPolicy, allowSetting, hostIsAllowed, judgeAddress, refusal } from './address-policy.js';
import { OutboundError } from './outbound-error.js';

/** Resolves a host name to every address it has (injected in tests, so no test depends on real DNS). */
export type ResolveHost = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * An undici connector that decides at connect time, on the addresses the host name resolves to right
 * now, whether Roster may open the connection, then connects to exactly the address it checked. A name
 * that resolved to a public address when a source was saved and to a private one at sync time (DNS
 * rebinding) is refused here, and a redirect to a new host opens a new connection, so it passes here too.
 * A refused address is never connected to, so a refusal reads the same whether anything listens there.
 */
export function guardedConnector(
  policy: AddressPolicy,
  resolveHost: ResolveHost,
  connectTimeoutMs: number,
): buildConnector.connector {
  const connect = buildConnector({ timeout: connectTimeoutMs });
  return (options, callback) => {
    const hostname = options.hostname.replace(/^\[(.*)\]$/, '$1');
    checkedAddress(policy, resolveHost, hostname, options.protocol).then(
      (address) => connect({ ...options, hostname: address }, callback),
      (error: Error) => callback(error, null),
    );
  };
}

async function checkedAddress(
  policy: AddressPolicy,
  resolveHost: ResolveHost,
  hostname: string,
  protocol: string,
): Promise<string> {
  const named = isIP(hostname) === 0;
  let addresses: string[];
  if (!named) addresses = [hostname];
  else {
    try {
      addresses = (await resolveHost(hostname)).map((a) => a.address);
    } catch {
      throw new OutboundError('unreachable', `cannot resolve ${hostname}`);
    }
    if (addresses.length === 0) throw new OutboundError('unreachable', `cannot resolve ${hostname}`);
  }
  // A host name the admin opened may resolve anywhere and use http: it is a proxy or mirror they run.
  if (named && hostIsAllowed(policy, hostname)) return addresses[0]!;
  let everyListed = true;
  for (const address of addresses) {
    const verdict = judgeAddress(policy, address);
    // Every address is judged, not only the first: the system could pick any of them.
    if (!verdict.allowed) throw new OutboundError('refused', refusal(verdict, named ? hostname : undefined));
    everyListed &&= verdict.listed;
  }
  if (protocol === 'http:' && !everyListed)
    throw new OutboundError(
      'refused',
      `refused: http://${hostname} is not encrypted; use https, or add the host to ${allowSetting} to allow plain http`,
    );
  return addresses[0]!;
}
