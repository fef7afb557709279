import { Badge, Button, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { formatDate } from '../../api/format';
import { useMe } from '../../app/use-me';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { expenseQueryKeys } from './rule-form';

type Account = Schemas['ExpenseAccount'];

/** Lines a source gave no account keep the empty one; it is shown by name so it can be told apart. */
const accountName = (account: string) => account || '(no account)';

function ExcludeToggle({ sourceId, account }: { sourceId: number; account: Account }) {
  const queryClient = useQueryClient();
  const excluded = account.excludedAt !== null;
  const toggle = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST(
          excluded
            ? '/api/v1/expenses/sources/{id}/accounts/include'
            : '/api/v1/expenses/sources/{id}/accounts/exclude',
          { params: { path: { id: sourceId } }, body: { account: account.account } },
        ),
      ),
    onSuccess: () =>
      Promise.all(expenseQueryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
  return (
    <>
      <Button
        size="xs"
        variant={excluded ? 'default' : 'light'}
        color={excluded ? undefined : 'red'}
        loading={toggle.isPending}
        onClick={() => toggle.mutate()}
        aria-label={`${excluded ? 'Include' : 'Exclude'} account ${accountName(account.account)}`}
      >
        {excluded ? 'Include' : 'Exclude'}
      </Button>
      {toggle.error && <ErrorAlert error={toggle.error} title="Account not changed" />}
    </>
  );
}

/**
 * The cards and GL accounts one expense source covers. An admin can exclude one (a personal card, a
 * non-software ledger): its lines then count in no figure, until it is included again.
 */
export function SourceAccounts({ sourceId, source }: { sourceId: number; source: string }) {
  const isAdmin = useMe().data?.role === 'admin';
  const accounts = useQuery({
    queryKey: ['expense-accounts', sourceId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/expenses/sources/{id}/accounts', { params: { path: { id: sourceId } } })),
  });
  if (!accounts.data) return <QueryState query={accounts} what={`the accounts of ${source}`} />;
  if (accounts.data.accounts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No account seen yet.
      </Text>
    );
  return (
    <Table aria-label={`Accounts of ${source}`} withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Account</Table.Th>
          <Table.Th>Lines</Table.Th>
          <Table.Th>Last seen</Table.Th>
          <Table.Th>Counted</Table.Th>
          {isAdmin && <Table.Th>Change</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {accounts.data.accounts.map((a) => (
          <Table.Tr key={a.account}>
            <Table.Td>{accountName(a.account)}</Table.Td>
            <Table.Td>{a.lines}</Table.Td>
            <Table.Td>{formatDate(a.lastSeenAt)}</Table.Td>
            <Table.Td>
              {a.excludedAt ? (
                <Badge
                  color="gray"
                  variant="light"
                  miw="max-content"
                  title={`by ${a.excludedBy ?? 'someone'}, ${formatDate(a.excludedAt)}`}
                >
                  Excluded: counts in no figure
                </Badge>
              ) : (
                <Badge color="green" variant="light">
                  Counted
                </Badge>
              )}
            </Table.Td>
            {isAdmin && (
              <Table.Td>
                <ExcludeToggle sourceId={sourceId} account={a} />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
