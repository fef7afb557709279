import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import type { ActionDefinition } from '../../actions/action.js';
import { SecretBox, sealedContexts } from '../../lib/secret-box.js';
import { rotateKey } from '../secrets/rotate-key.js';
import { saveWorkflow } from './workflows.service.js';

const hookSettings = z.object({ url: z.url(), secret: z.string().min(1) }).strict();
const hook: ActionDefinition<typeof hookSettings> = {
  type: 'hook',
  settings: hookSettings,
  preview: (s) => ({ summary: `POST ${s.url}`, requests: [] }),
  run: async () => ({ status: 'succeeded', output: {}, requests: [] }),
};

describe.each(lanes)('workflow secrets on %s', (lane) => {
  let roster: TestRoster;
  beforeAll(async () => {
    roster = await openTestRoster(lane, {
      ROSTER_SECRET_KEY: 'a-key-of-more-than-thirty-two-characters-AAAA',
    });
  });
  afterAll(() => roster.close());

  it('re-seals a workflow secret when the key rotates', async () => {
    const saved = await saveWorkflow(
      roster,
      'test',
      {
        name: 'hooked',
        trigger: { type: 'app.discovered' },
        actions: [{ id: 'h', type: 'hook', url: 'https://hooks.acme.test/x', secret: 'hook-secret' }],
      },
      'create',
      { actions: [hook] },
    );
    const next = SecretBox.fromPassphrase('b-key-of-more-than-thirty-two-characters-BBBB');
    expect((await rotateKey(roster, 'test', next)).resealed).toBe(1);
    const row = await roster.database.db
      .selectFrom('workflows')
      .select('credentials_encrypted')
      .where('id', '=', saved.id)
      .executeTakeFirstOrThrow();
    expect(
      JSON.parse(next.open(row.credentials_encrypted ?? '', sealedContexts.workflowSecrets(saved.id))),
    ).toEqual({
      h: 'hook-secret',
    });
  });
});
