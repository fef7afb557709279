import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../kit/connector-error.js';
import type { GraphClient } from './graph-client.js';
import { clientSecretExpiry } from './secret-expiry.js';

const clientAnswering = (answer: () => unknown, asked: string[] = []): GraphClient => ({
  async get<T>(path: string) {
    asked.push(path);
    return answer() as T;
  },
  pages: () => {
    throw new Error('not used');
  },
  write: () => {
    throw new Error('not used');
  },
  requests: 0,
});
const signal = new AbortController().signal;

describe('the client secret expiry Graph tells', () => {
  it('asks for the registration by its app id and takes the secret whose hint matches, not the latest', async () => {
    const asked: string[] = [];
    const client = clientAnswering(
      () => ({
        value: [
          {
            passwordCredentials: [
              { hint: 'abc', endDateTime: '2027-01-05T10:00:00Z' },
              { hint: 'zzz', endDateTime: '2028-06-01T10:00:00Z' },
            ],
          },
        ],
      }),
      asked,
    );
    expect(await clientSecretExpiry(client, "app'1", 'abcdef', signal)).toEqual(
      new Date('2027-01-05T10:00:00Z'),
    );
    expect(decodeURIComponent(asked[0] ?? '')).toBe(
      "/applications?$filter=appId eq 'app''1'&$select=passwordCredentials",
    );
  });
  it('takes the latest expiry when no hint matches, and nothing from an empty answer', async () => {
    const secrets = [
      { hint: null, endDateTime: '2027-01-05T10:00:00Z' },
      { endDateTime: '2027-03-01T00:00:00Z' },
    ];
    expect(
      await clientSecretExpiry(
        clientAnswering(() => ({ value: [{ passwordCredentials: secrets }] })),
        'a',
        's',
        signal,
      ),
    ).toEqual(new Date('2027-03-01T00:00:00Z'));
    expect(
      await clientSecretExpiry(
        clientAnswering(() => ({ value: [] })),
        'a',
        's',
        signal,
      ),
    ).toBeUndefined();
    expect(
      await clientSecretExpiry(
        clientAnswering(() => ({ value: [{ passwordCredentials: [{ endDateTime: 'soon' }] }] })),
        'a',
        's',
        signal,
      ),
    ).toBeUndefined();
  });
  it('says nothing when Graph refuses the read', async () => {
    const refusing = clientAnswering(() => {
      throw new ConnectorError('permission', 'Insufficient privileges to complete the operation.');
    });
    expect(await clientSecretExpiry(refusing, 'a', 's', signal)).toBeUndefined();
  });
});
