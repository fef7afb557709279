import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

const key = ['employee-source'];

/** Which sources decide who is an employee, and by which rule. */
export function useEmployeeSource() {
  return useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/api/v1/employees/source')) });
}

/** Chooses the employee source of truth (a source id), or `null` for the default rule; admins only. */
export function useChooseEmployeeSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (source: number | null) => unwrap(api.PUT('/api/v1/employees/source', { body: { source } })),
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      // Who counts as an employee changes license states and people everywhere.
      return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'employee-source' });
    },
  });
}
