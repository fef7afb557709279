import { describe, expect, it } from 'vitest';
import { parseRosterConfig } from './roster-config.js';

describe('the config Roster publishes to the extension', () => {
  it('keeps the apps with usable domains and drops the rest', () => {
    expect(
      parseRosterConfig({
        email: 'Ada@Acme.io',
        orgDomains: ['acme.io', 'x'],
        apps: [
          { app: 'Slack', domains: ['slack.com', 'com'] },
          { app: 'Nothing', domains: ['<script>'] },
          { app: 7, domains: ['seven.com'] },
          'junk',
        ],
        version: 'v1',
      }),
    ).toEqual({
      email: 'ada@acme.io',
      orgDomains: ['acme.io'],
      apps: [{ app: 'Slack', domains: ['slack.com'] }],
      version: 'v1',
    });
  });

  it.each([
    [null],
    ['text'],
    [{ email: 'ada', orgDomains: [], apps: [] }],
    [{ email: 'ada@acme.io', apps: [] }],
  ])('refuses %j whole', (body) => {
    expect(parseRosterConfig(body)).toBeNull();
  });
});
