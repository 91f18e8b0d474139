import { Loader, Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

/**
 * What the user types in a searchable picker, and the term to send to the server
 * (debounced; empty while the box only shows the current choice's label, so opening
 * the list shows everything rather than just the chosen record).
 */
export function useServerSearch(selectedLabel: string | null) {
  const [searchValue, setSearchValue] = useState('');
  const [debounced] = useDebouncedValue(searchValue.trim(), 250);
  const term = debounced === '' || debounced === selectedLabel ? null : debounced;
  return { searchValue, setSearchValue, term };
}

/**
 * A searchable select whose options come from the server: the caller runs the query
 * with `useServerSearch`'s term, so nothing is filtered in the browser and a dossier
 * with thousands of customers or articles stays quick. The current choice stays
 * listed even when the last search did not return it.
 */
export function SearchSelect({
  label,
  value,
  selectedLabel,
  options,
  loading,
  search,
  onChange,
  onOpen,
  disabled,
  placeholder,
  nothingFound,
  clearable = true,
  ariaLabel,
  testId,
}: {
  label?: string;
  value: string | null;
  selectedLabel: string | null;
  options: ComboboxItem[];
  loading: boolean;
  search: ReturnType<typeof useServerSearch>;
  onChange(value: string | null, option: ComboboxItem | null): void;
  onOpen?(): void;
  disabled?: boolean;
  placeholder?: string;
  nothingFound: string;
  clearable?: boolean;
  ariaLabel?: string;
  testId?: string;
}) {
  const data = value && selectedLabel && !options.some((o) => o.value === value) ? [{ value, label: selectedLabel }, ...options] : options;
  return (
    <Select
      label={label}
      aria-label={ariaLabel}
      data-testid={testId}
      value={value}
      data={data}
      searchable
      clearable={clearable}
      // Choosing the current option again keeps it (Mantine would clear it): clearing is the ✕ button's job.
      allowDeselect={false}
      disabled={disabled}
      placeholder={placeholder}
      searchValue={search.searchValue}
      onSearchChange={search.setSearchValue}
      onDropdownOpen={onOpen}
      // The server already filtered: show what it returned, as it returned it.
      filter={({ options: all }) => all}
      nothingFoundMessage={loading ? undefined : nothingFound}
      rightSection={loading ? <Loader size={14} /> : undefined}
      onChange={(next, option) => onChange(next, next ? option : null)}
      // Choosing the current option again changes no value, so Mantine would leave the
      // typed search in the box: show the choice's label again.
      onOptionSubmit={(chosen) => search.setSearchValue(data.find((o) => o.value === chosen)?.label ?? '')}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={280}
    />
  );
}
