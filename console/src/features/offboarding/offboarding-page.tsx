import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useCanWrite } from '../../app/use-me';
import { CandidatesList, DriftList, OffboardingsList } from './offboarding-lists';

const tabs = ['candidates', 'in-progress', 'completed', 'active-again'] as const;

/** Who to offboard, whose offboarding runs, whose is done, and accounts that came back afterwards. */
export function OffboardingPage() {
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((t) => t === params.get('tab')) ?? 'candidates';
  const canWrite = useCanWrite();
  return (
    <Stack>
      <Title order={1}>Offboarding</Title>
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(value && value !== 'candidates' ? { tab: value } : {}, { replace: true })
        }
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="candidates">Candidates</Tabs.Tab>
          <Tabs.Tab value="in-progress">In progress</Tabs.Tab>
          <Tabs.Tab value="completed">Completed</Tabs.Tab>
          <Tabs.Tab value="active-again">Active again</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="candidates" pt="md">
          <Text size="sm" c="dimmed" mb="sm">
            People the employee source of truth says have left, with no offboarding yet.
          </Text>
          <CandidatesList canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="in-progress" pt="md">
          <OffboardingsList status="in_progress" />
        </Tabs.Panel>
        <Tabs.Panel value="completed" pt="md">
          <OffboardingsList status="completed" />
        </Tabs.Panel>
        <Tabs.Panel value="active-again" pt="md">
          <Text size="sm" c="dimmed" mb="sm">
            Accounts a source reports active again after their person's offboarding was completed.
          </Text>
          <DriftList />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
