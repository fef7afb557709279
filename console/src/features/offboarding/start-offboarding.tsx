import { Alert, Button, type ButtonProps, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { countOf } from '../../api/format';
import { ErrorAlert } from '../../components/query-state';
import { offboardingPath } from './offboarding-rules';
import { PreviewTable } from './preview-table';
import { offboardingKeys, previewOffboarding, startOffboarding } from './use-offboarding';

/**
 * "Start offboarding": first the preview of every task (nothing is changed), then the start itself, which
 * opens the new offboarding. A person the employee source of truth still lists as current is offboarded
 * only with a reason.
 */
export function StartOffboardingButton({ email, size }: { email: string; size?: ButtonProps['size'] }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button
        size={size}
        color="red"
        variant="light"
        onClick={open}
        aria-label={`Start offboarding ${email}`}
      >
        Start offboarding
      </Button>
      {opened && <StartOffboardingDialog email={email} onClose={close} />}
    </>
  );
}

function StartOffboardingDialog({ email, onClose }: { email: string; onClose: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  // The dry run changes nothing: it is read like any list, again each time the dialog opens.
  const preview = useQuery({
    queryKey: [...offboardingKeys.all, 'preview', email],
    queryFn: () => previewOffboarding(email),
    gcTime: 0,
    staleTime: 0,
  });
  const start = useMutation({
    mutationFn: (force: { reason: string } | undefined) => startOffboarding(email, force),
    onSuccess: (started) => {
      void queryClient.invalidateQueries({ queryKey: offboardingKeys.all });
      queryClient.setQueryData(offboardingKeys.one(started.id), started);
      navigate(offboardingPath(started.id));
    },
  });
  const plan = preview.data;
  const needsReason = plan?.current != null;
  const reasonMissing = needsReason && !reason.trim();
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Offboard ${email}`}
      size="90%"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack>
        {preview.isPending && <Text size="sm">Listing the tasks…</Text>}
        {preview.error && <ErrorAlert error={preview.error} title="Could not list the tasks" />}
        {plan && (
          <>
            <Text size="sm">
              {countOf(plan.tasks.length, 'task')} for {plan.emails.join(', ')}. Nothing changes until you
              start.
            </Text>
            <Text size="sm" c="dimmed">
              The list may be longer than the person's apps: their page shows active accounts only, while
              suspended and deleted accounts are offboarded too.
            </Text>
            <PreviewTable tasks={plan.tasks} />
            {plan.current && (
              <Alert color="orange" title="This person is current" role="alert">
                <Text size="sm">
                  {plan.current.source} lists {plan.current.email} as a current employee. Automatic actions
                  wait until they leave, unless you say why they should run now.
                </Text>
                <Textarea
                  mt="xs"
                  label="Reason to offboard a current employee"
                  required
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  maxLength={1000}
                />
              </Alert>
            )}
            {start.error && <ErrorAlert error={start.error} title="The offboarding was not started" />}
            <Button
              color="red"
              onClick={() => start.mutate(needsReason ? { reason: reason.trim() } : undefined)}
              loading={start.isPending}
              disabled={reasonMissing}
            >
              {needsReason ? 'Force offboarding' : 'Start offboarding'}
            </Button>
          </>
        )}
      </Stack>
    </Modal>
  );
}
