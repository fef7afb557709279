import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

/** The organisation's settings: its name, domains, staleness limit and default inactivity threshold. */
export function useSettings() {
  return useQuery({ queryKey: ['settings'], queryFn: () => unwrap(api.GET('/api/v1/settings')) });
}
