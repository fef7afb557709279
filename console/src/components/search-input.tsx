import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

/** A search box that tells the page after typing pauses, so each keystroke is not a request. */
export function SearchInput({
  label,
  placeholder,
  onSearch,
  initial = '',
}: {
  label: string;
  placeholder: string;
  onSearch: (value: string) => void;
  initial?: string;
}) {
  const [value, setValue] = useState(initial);
  const debounced = useDebouncedCallback((v: string) => onSearch(v.trim()), 250);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={value}
      type="search"
      onChange={(e) => {
        setValue(e.currentTarget.value);
        debounced(e.currentTarget.value);
      }}
      maw={360}
    />
  );
}
