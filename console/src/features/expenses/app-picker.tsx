import { Autocomplete } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

/**
 * An app chosen by name: suggests the apps whose name holds what is typed. The API resolves the name
 * (and refuses one that names no app), so a typed name that is not suggested is still sent as is.
 */
export function AppPicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (name: string) => void;
  error?: string;
}) {
  const [search] = useDebouncedValue(value.trim(), 200);
  const apps = useQuery({
    queryKey: ['app-picker', search],
    queryFn: () =>
      unwrap(api.GET('/api/v1/apps', { params: { query: { search: search || undefined, limit: 20 } } })),
    placeholderData: keepPreviousData,
  });
  const names = [...new Set((apps.data?.items ?? []).map((a) => a.name))];
  return (
    // Kept in place (not portalled) so it also works inside a popover.
    <Autocomplete
      label={label}
      value={value}
      onChange={onChange}
      data={names}
      error={error}
      required
      comboboxProps={{ withinPortal: false }}
    />
  );
}
