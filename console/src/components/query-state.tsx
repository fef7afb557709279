import { Alert, Center, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError, describeDetail } from '../api/errors';

/** The loading and error states every page shares; renders nothing once the data is there. */
export function QueryState({ query, what = 'this page' }: { query: UseQueryResult<unknown>; what?: string }) {
  if (query.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={`Loading ${what}`} />
      </Center>
    );
  if (query.isError) return <ErrorAlert error={query.error} title={`Could not load ${what}`} />;
  return null;
}

export function ErrorAlert({ error, title }: { error: unknown; title: string }) {
  const details = error instanceof ApiError ? error.details : [];
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm">{error instanceof Error ? error.message : String(error)}</Text>
      {details.length > 0 && (
        <ul>
          {details.slice(0, 20).map((d, i) => (
            // Details have no identity of their own; their order is the server's.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={i}>
              <Text size="sm">{describeDetail(d)}</Text>
            </li>
          ))}
        </ul>
      )}
      {details.length > 20 && <Text size="sm">…and {details.length - 20} more</Text>}
      {error instanceof ApiError && (
        <Text size="xs" c="dimmed">
          Error code: {error.code}
        </Text>
      )}
    </Alert>
  );
}
