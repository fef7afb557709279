import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strictOutboundClient } from '../../lib/outbound/outbound-client.js';
import { ConnectorError } from '../kit/connector-error.js';
import { hrCsvSourceKind } from './hr-csv-source.js';

const filesDir = mkdtempSync(join(tmpdir(), 'roster-hr-'));
afterAll(() => rmSync(filesDir, { recursive: true, force: true }));

async function read(file: string, maxFileBytes: number) {
  const records = [];
  for await (const page of hrCsvSourceKind.fetch({
    config: hrCsvSourceKind.configSchema.parse({ file }),
    credentials: undefined,
    input: undefined,
    signal: new AbortController().signal,
    filesDir,
    maxFileBytes,
    outbound: strictOutboundClient(),
  }))
    records.push(...page.records);
  return records;
}

describe('HR file source', () => {
  const rows = Array.from({ length: 100 }, (_, i) => `person${i}@acme.io,Person ${i},active`);
  writeFileSync(join(filesDir, 'hr.csv'), ['email,name,status', ...rows].join('\n'));

  it('reads a file within the cap', async () => {
    expect(await read('hr.csv', 1024 * 1024)).toHaveLength(100);
  });

  it('fails the run on a file larger than the cap, naming the file and the setting', async () => {
    const error = await read('hr.csv', 1024).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({
      code: 'invalid_data',
      message: 'hr.csv is larger than 1024 bytes (ROSTER_MAX_UPLOAD_BYTES)',
    });
  });
});
