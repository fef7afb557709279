import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../kit/connector-error.js';
import { detectFormat, snapshotRecords } from './snapshot.js';

describe('custom integration snapshots', () => {
  it("reads Roster's shape", () => {
    const records = snapshotRecords('Intranet', {
      users: [
        {
          email: 'a@acme.io',
          name: 'A',
          status: 'disabled',
          licenseTypes: ['Editor'],
          lastUsedAt: '2026-11-01',
        },
      ],
      licenseTypes: [{ name: 'Editor', purchased: 5, pricePerUserCents: 1200 }],
    });
    expect(records).toEqual([
      expect.objectContaining({
        type: 'license_type',
        app: 'Intranet',
        name: 'Editor',
        purchased: 5,
        pricePerUserCents: 1200,
      }),
      expect.objectContaining({
        type: 'account',
        email: 'a@acme.io',
        status: 'suspended',
        licenseTypes: ['Editor'],
      }),
    ]);
  });

  it("reads Torii's custom-integration shape unchanged", () => {
    const body = {
      users: [
        {
          email: 'A@acme.io',
          firstName: 'Ann',
          lastName: 'Lee',
          status: 'active',
          externalStatus: 'Suspended',
          roles: ['Admin', 'Billing'],
          lastUsedDate: '2026-10-01',
        },
        { email: 'b@acme.io', status: 'deleted' },
      ],
      licenses: [
        {
          name: 'Pro',
          unassignedAmount: 3,
          pricePerUser: 1500,
          users: [{ email: 'a@acme.io', licenseStatus: 'active' }],
        },
      ],
    };
    expect(detectFormat(body)).toBe('torii');
    const records = snapshotRecords('Intranet', body);
    expect(records).toEqual([
      expect.objectContaining({ type: 'license_type', name: 'Pro', purchased: 4, pricePerUserCents: 1500 }),
      expect.objectContaining({
        email: 'A@acme.io',
        name: 'Ann Lee',
        status: 'suspended',
        role: 'Admin, Billing',
        licenseTypes: ['Pro'],
      }),
      expect.objectContaining({ email: 'b@acme.io', status: 'deleted', licenseTypes: [] }),
    ]);
  });

  it('names the path of every shape problem', () => {
    try {
      snapshotRecords('Intranet', { users: [{ email: 'a@acme.io' }, { mail: 'b@acme.io' }], extra: true });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConnectorError);
      const paths = (error as ConnectorError).details.map((d) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['users[1].email', 'users[1]', '']));
    }
  });
});
