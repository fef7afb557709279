import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { formatNumber } from '../api/format';

/** What a pager drives: the server's cursor pages (useCursorPages) or a whole list's (useClientPages). */
export interface PageControls {
  page: number;
  limit: number;
  hasPrevious: boolean;
  hasNext: boolean;
  next: () => void;
  previous: () => void;
  setLimit: (limit: number) => void;
}

/** Previous / next over pages, the page size, and the total when it is known. */
export function Pager({
  pages,
  shown,
  total,
  noun,
}: {
  pages: PageControls;
  shown: number;
  total?: number;
  noun: string;
}) {
  const from = (pages.page - 1) * pages.limit + (shown ? 1 : 0);
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {shown === 0
          ? `No ${noun}`
          : `${formatNumber(from)}–${formatNumber(from + shown - 1)}${total !== undefined ? ` of ${formatNumber(total)}` : ''} ${noun}`}
        {' · '}page {pages.page}
      </Text>
      <Group gap="xs">
        <NativeSelect
          aria-label="Rows per page"
          size="xs"
          data={['25', '50', '100', '200']}
          value={String(pages.limit)}
          onChange={(e) => pages.setLimit(Number(e.currentTarget.value))}
        />
        <Button size="xs" variant="default" disabled={!pages.hasPrevious} onClick={pages.previous}>
          Previous
        </Button>
        <Button size="xs" variant="default" disabled={!pages.hasNext} onClick={pages.next}>
          Next
        </Button>
      </Group>
    </Group>
  );
}
