import { Button } from '@mantine/core';

/**
 * Downloads a list as CSV: a plain link, so the browser streams the file to disk with the session cookie,
 * however long the list. Empty filters are left out of the address.
 */
export function CsvDownloadButton({
  path,
  filename,
  query = {},
  label = 'Download CSV',
}: {
  path: string;
  filename: string;
  query?: Record<string, string | undefined>;
  label?: string;
}) {
  const search = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return (
    <Button component="a" href={search ? `${path}?${search}` : path} download={filename} variant="default">
      {label}
    </Button>
  );
}
