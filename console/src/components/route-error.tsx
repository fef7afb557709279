import { Button, Container, Stack } from '@mantine/core';
import { useRouteError } from 'react-router';
import { ErrorAlert } from './query-state';

/** A page that failed to load or render (for example a chunk missing after an upgrade): say so, offer a reload. */
export function RouteError() {
  const error = useRouteError();
  return (
    <Container py="xl">
      <Stack>
        <ErrorAlert error={error} title="This page could not be shown" />
        <Button onClick={() => window.location.reload()} w="fit-content">
          Reload
        </Button>
      </Stack>
    </Container>
  );
}
