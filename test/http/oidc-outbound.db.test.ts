import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcSignIn } from '../../src/modules/auth/oidc.js';
import { lanes, openTestRoster, type TestRoster } from '../support/test-roster.js';

/** Single sign-on's requests go through the same guarded client as every other request Roster makes. */
describe.each(lanes)('single sign-on requests on %s', (lane) => {
  let roster: TestRoster;
  let connections = 0;
  const issuerServer = createServer((_req, res) => res.writeHead(200).end('{}'));
  issuerServer.on('connection', () => {
    connections += 1;
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => issuerServer.listen(0, '127.0.0.1', resolve));
    roster = await openTestRoster(lane, {
      ROSTER_OUTBOUND_ALLOW: '',
      ROSTER_OIDC_ISSUER: `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}`,
      ROSTER_OIDC_CLIENT_ID: 'roster',
      ROSTER_OIDC_CLIENT_SECRET: 'roster-client-secret',
    });
  });
  afterAll(async () => {
    issuerServer.closeAllConnections();
    issuerServer.close();
    await roster?.close();
  });

  it('refuses an issuer on an address ROSTER_OUTBOUND_ALLOW does not open, without connecting to it', async () => {
    const error = await startOidcSignIn(roster).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    let inner: unknown = error;
    const messages: string[] = [];
    while (inner instanceof Error) {
      messages.push(inner.message);
      inner = (inner as Error & { cause?: unknown }).cause;
    }
    expect(messages.join(' | ')).toContain('refused: 127.0.0.1 is a loopback address');
    expect(connections).toBe(0);
  });
});
