import { useSearchParams } from 'react-router';

export type RecordTab = 'record' | 'action';

/** The record/ACTION tab of a customer, supplier or article page, kept in the URL (`?onglet=action`). */
export function useRecordTab(): [RecordTab, (next: RecordTab) => void] {
  const [search, setSearch] = useSearchParams();
  const tab: RecordTab = search.get('onglet') === 'action' ? 'action' : 'record';
  const select = (next: RecordTab) => {
    const params = new URLSearchParams(search);
    if (next === 'action') params.set('onglet', 'action');
    else params.delete('onglet');
    setSearch(params, { replace: true });
  };
  return [tab, select];
}
