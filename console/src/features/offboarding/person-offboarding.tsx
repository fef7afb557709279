import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCanWrite } from '../../app/use-me';
import { countsText, offboardingPath } from './offboarding-rules';
import { StartOffboardingButton } from './start-offboarding';
import { usePersonOffboarding } from './use-offboarding';

/**
 * The person page's offboarding line: a link to the person's offboarding when they have one, else (for
 * members who may change data) the button that starts it.
 */
export function PersonOffboarding({ email }: { email: string }) {
  const existing = usePersonOffboarding(email);
  const canWrite = useCanWrite();
  if (existing.isPending || existing.isError) return null;
  if (existing.data)
    return (
      <Group gap="xs">
        <Anchor component={Link} to={offboardingPath(existing.data.id)}>
          {existing.data.status === 'completed' ? 'Offboarded' : 'Offboarding in progress'}
        </Anchor>
        <Text size="sm" c="dimmed">
          ({countsText(existing.data.counts)})
        </Text>
      </Group>
    );
  return canWrite ? <StartOffboardingButton email={email} /> : null;
}
