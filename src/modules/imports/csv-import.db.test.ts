import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../../test/support/snapshot.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { RosterError } from '../../lib/errors.js';
import { importCsv } from './imports.service.js';

const header = 'email,name,status,role,license_types,last_used_at';

describe.each(lanes)('CSV import on %s', (lane) => {
  let roster: TestRoster;
  beforeAll(async () => {
    roster = await openTestRoster(lane, { ROSTER_MAX_UPLOAD_BYTES: '4096' });
    const ok = await importCsv(roster, 'test', {
      app: 'Zoom',
      content: Buffer.from(`${header}\nkeep@acme.io,Keep,active,,,\n`),
    });
    expect(ok.status).toBe('succeeded');
  });
  afterAll(async () => {
    await roster.close();
  });

  /** Imports a file that must be rejected whole: returns the error, after checking nothing changed. */
  async function rejected(
    content: Buffer | string,
    options: { app?: string; mapping?: Record<string, string> } = {},
  ) {
    const before = await snapshotTables(roster, { withRowVersions: true });
    let failure: {
      code: string;
      message: string;
      details: { row?: number; field?: string; message: string }[];
    } | null = null;
    try {
      const result = await importCsv(roster, 'test', {
        app: options.app ?? 'Zoom',
        content: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
        mapping: options.mapping,
      });
      failure = result.error;
      expect(result.status).toBe('failed');
    } catch (error) {
      expect(error).toBeInstanceOf(RosterError);
      failure = {
        code: (error as RosterError).code,
        message: (error as RosterError).message,
        details: (error as RosterError).details,
      };
    }
    expect(await snapshotTables(roster, { withRowVersions: true })).toEqual(before);
    return failure!;
  }

  it('accepts a file with a byte-order mark and CRLF line ends', async () => {
    const result = await importCsv(roster, 'test', {
      app: 'Zoom',
      content: Buffer.from(
        `\uFEFF${header}\r\nkeep@acme.io,Keep,active,,,\r\nnew@acme.io,New,active,,Pro;Business,2026-10-31T12:00:00Z\r\n`,
      ),
    });
    expect(result.status).toBe('succeeded');
    expect(result.counters).toMatchObject({ added: 1, unchanged: 1 });
  });

  it('rejects an empty file', async () => {
    expect((await rejected('')).message).toMatch(/empty/);
    expect((await rejected('   \n')).message).toMatch(/empty/);
  });

  it('rejects text that is not UTF-8', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${header}\n`),
      Buffer.from([0x6a, 0xf6, 0x72, 0x67, 0x40, 0x61, 0x2e, 0x69, 0x6f]),
      Buffer.from(',,,,,\n'),
    ]);
    expect((await rejected(latin1)).message).toMatch(/not UTF-8/);
  });

  it('rejects malformed CSV, naming the row', async () => {
    const error = await rejected(`${header}\nok@acme.io,"unclosed,active,,,\n`);
    expect(error.message).toMatch(/not valid CSV/);
    const ragged = await rejected(`${header}\nok@acme.io,x\n`);
    expect(ragged.details[0]?.row).toBe(2);
  });

  it('rejects duplicate emails in one file, naming both rows', async () => {
    const error = await rejected(
      `${header}\na@acme.io,,active,,,\nb@acme.io,,active,,,\n A@ACME.io,,active,,,\n`,
    );
    expect(error.details[0]).toMatchObject({ row: 4, field: 'email' });
    expect(error.details[0]?.message).toContain('rows 2, 4');
  });

  it('rejects invalid emails, statuses and dates, each with its row and column', async () => {
    const error = await rejected(
      `${header}\nfine@acme.io,,active,,,\nnot-an-email,,active,,,\nx@acme.io,,on-holiday,,,\ny@acme.io,,active,,,next tuesday\n`,
    );
    expect(error.details).toEqual([
      { row: 3, field: 'email', message: expect.any(String) },
      { row: 4, field: 'status', message: expect.stringContaining('on-holiday') },
      { row: 5, field: 'last_used_at', message: expect.any(String) },
    ]);
  });

  it('rejects over-long values', async () => {
    const error = await rejected(`${header}\nlong@acme.io,${'n'.repeat(600)},active,,,\n`);
    expect(error.details[0]).toMatchObject({ row: 2, field: 'name' });
  });

  it('rejects files over the configured size limit', async () => {
    const error = await rejected(`${header}\n${'a@acme.io,,active,,,\n'.repeat(300)}`);
    expect(error.code).toBe('payload_too_large');
  });

  it('rejects an unknown app instead of creating one', async () => {
    const error = await rejected(`${header}\na@acme.io,,active,,,\n`, { app: 'Zooom' });
    expect(error.details[0]?.field).toBe('app');
  });

  it('rejects a header without an email column, and maps other headers when told', async () => {
    const error = await rejected('Work Email,Full Name\na@acme.io,A\n');
    expect(error.details.some((d) => d.field === 'email')).toBe(true);
    const mapped = await importCsv(roster, 'test', {
      app: 'Miro',
      content: Buffer.from('Work Email,Full Name,Last Login\nmapped@acme.io,Map Ped,2026-11-02\n'),
      mapping: { email: 'Work Email', name: 'Full Name', last_used_at: 'Last Login' },
    });
    expect(mapped.status).toBe('succeeded');
    const auto = await importCsv(roster, 'test', {
      app: 'Canva',
      content: Buffer.from('Email Address,Display Name,Last Active\nauto@acme.io,Auto,2026-11-02\n'),
      preset: 'auto',
    });
    expect(auto.status).toBe('succeeded');
    const rows = await roster.database.db
      .selectFrom('accounts')
      .innerJoin('users', 'users.id', 'accounts.user_id')
      .select(['users.email', 'accounts.name'])
      .where('users.email', 'in', ['mapped@acme.io', 'auto@acme.io'])
      .orderBy('users.email')
      .execute();
    expect(rows).toEqual([
      { email: 'auto@acme.io', name: 'Auto' },
      { email: 'mapped@acme.io', name: 'Map Ped' },
    ]);
  });

  it('keeps a mapping as the default only once a file imported with it', async () => {
    const configOf = async () =>
      (
        await roster.database.db
          .selectFrom('sources')
          .select('config')
          .where('name', '=', 'Loom (CSV)')
          .executeTakeFirst()
      )?.config;
    const mapping = { email: 'Mail' };
    const bad = await importCsv(roster, 'test', {
      app: 'Loom',
      content: Buffer.from('Mail\nnot-an-email\n'),
      mapping,
    });
    expect(bad.status).toBe('failed');
    expect(await configOf()).toEqual({ app: 'Loom', preset: 'roster', mapping: {} });
    const good = await importCsv(roster, 'test', {
      app: 'Loom',
      content: Buffer.from('Mail\nm@acme.io\n'),
      mapping,
    });
    expect(good.status).toBe('succeeded');
    expect(await configOf()).toMatchObject({ mapping: { email: 'Mail' } });
    // The next upload of the same export needs no mapping.
    const again = await importCsv(roster, 'test', {
      app: 'Loom',
      content: Buffer.from('Mail\nm@acme.io\nn@acme.io\n'),
    });
    expect(again.counters).toMatchObject({ added: 1, unchanged: 1 });
  });
});
