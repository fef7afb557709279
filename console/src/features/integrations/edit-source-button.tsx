import { Button, Modal } from '@mantine/core';
import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { EditSourceForm } from './edit-source-form';

/** Opens the edit form of one source in a dialog. */
export function EditSourceButton({ source }: { source: Schemas['Source'] }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpened(true)} aria-label={`Edit ${source.name}`}>
        Edit
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={`Edit ${source.name}`}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close the form' }}
      >
        {opened && <EditSourceForm source={source} onDone={() => setOpened(false)} />}
      </Modal>
    </>
  );
}
