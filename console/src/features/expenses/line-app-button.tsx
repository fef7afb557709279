import { Button, Popover, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ErrorAlert } from '../../components/query-state';
import { AppPicker } from './app-picker';
import { expenseQueryKeys } from './rule-form';

/** Puts one line on an app by hand, over any rule: for the odd line no rule should cover. */
export function LineAppButton({ lineId, descriptor }: { lineId: number; descriptor: string }) {
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [app, setApp] = useState('');
  const set = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/expenses/lines/{id}/app', {
          params: { path: { id: lineId } },
          body: { app: app.trim() },
        }),
      ),
    onSuccess: async () => {
      setOpened(false);
      await Promise.all(expenseQueryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-end" withArrow>
      <Popover.Target>
        <Button
          size="xs"
          variant="default"
          onClick={() => setOpened((o) => !o)}
          aria-label={`Set app of ${descriptor}`}
        >
          Set app
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          aria-label={`App of ${descriptor}`}
          onSubmit={(e) => {
            e.preventDefault();
            set.mutate();
          }}
        >
          <Stack gap="xs" w={280}>
            <AppPicker label="App for this line only" value={app} onChange={setApp} />
            <Button type="submit" size="xs" loading={set.isPending}>
              Set this line’s app
            </Button>
            {set.error && <ErrorAlert error={set.error} title="App not set" />}
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
