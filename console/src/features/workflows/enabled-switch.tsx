import { Switch, Text } from '@mantine/core';
import { useMe } from '../../app/use-me';
import { ErrorAlert } from '../../components/query-state';
import { useSetEnabled } from './use-workflows';

/** Whether the signed-in member may save and turn workflows on or off: the API's `admin` level. */
export const useCanManageWorkflows = () => useMe().data?.role === 'admin';

/** A workflow's on/off switch for admins; everyone else reads its state. */
export function EnabledSwitch({
  name,
  enabled,
  onChanged,
}: {
  name: string;
  enabled: boolean;
  onChanged?: (enabled: boolean) => void;
}) {
  const canManage = useCanManageWorkflows();
  const setEnabled = useSetEnabled();
  if (!canManage) return <Text size="sm">{enabled ? 'Enabled' : 'Disabled'}</Text>;
  return (
    <>
      <Switch
        label={enabled ? 'Enabled' : 'Disabled'}
        aria-label={`${name} enabled`}
        checked={enabled}
        disabled={setEnabled.isPending}
        onChange={(e) => {
          const next = e.currentTarget.checked;
          setEnabled.mutate({ name, enabled: next }, { onSuccess: () => onChanged?.(next) });
        }}
      />
      {setEnabled.error ? <ErrorAlert error={setEnabled.error} title="Not changed" /> : null}
    </>
  );
}
