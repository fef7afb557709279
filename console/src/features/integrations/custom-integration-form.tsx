import { Alert, Button, Code, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ErrorAlert } from '../../components/query-state';
import { ensureApp } from '../apps/ensure-app';

/**
 * A custom integration: the app (created as a custom app when the catalog does not know it) and a push
 * token that a script uses to push full snapshots to /api/v1/imports/custom. The token can do nothing
 * else (no reads, no other app) and expires after 90 days, so one leaked from a script is worth little.
 */
export function CustomIntegrationForm() {
  const [app, setApp] = useState('');
  const create = useMutation({
    mutationFn: async () => {
      const name = app.trim();
      await ensureApp(name);
      const token = await unwrap(
        api.POST('/api/v1/tokens', {
          body: { name: `custom-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, pushApp: name },
        }),
      );
      return { name, token: token.token, expiresAt: token.expiresAt };
    },
  });
  const origin = window.location.origin;
  return (
    <Stack maw={760}>
      <TextInput
        label="App"
        description="A custom app fed by your own script (full snapshots; accounts no longer listed are marked removed)"
        value={app}
        onChange={(e) => setApp(e.currentTarget.value)}
        maw={360}
      />
      <Button
        w="fit-content"
        onClick={() => create.mutate()}
        disabled={!app.trim()}
        loading={create.isPending}
      >
        Create the app and its token
      </Button>
      {create.error && <ErrorAlert error={create.error} title="Could not create the integration" />}
      {create.data && (
        <Alert color="green" title="Copy this token now: it is shown only once">
          <Stack gap="xs">
            <Code block>{create.data.token}</Code>
            <Text size="sm">
              It only pushes snapshots of {create.data.name}, and stops working on{' '}
              {create.data.expiresAt ? new Date(create.data.expiresAt).toLocaleDateString() : 'its expiry'}:
              create a new one before then.
            </Text>
            <Text size="sm">Push a snapshot:</Text>
            <Code block>
              {`curl -X POST '${origin}/api/v1/imports/custom?app=${encodeURIComponent(create.data.name)}' \\\n  -H 'authorization: Bearer ${create.data.token}' -H 'content-type: application/json' \\\n  -d '{"users":[{"email":"ann@example.com","status":"active","licenseTypes":["Editor"]}]}'`}
            </Code>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
