import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';

/**
 * What a table shows while its first page loads: grey bars the shape of its rows, so the
 * page does not jump when they arrive. Screen readers hear the label ("Chargement…") once,
 * through the status role; the bars themselves are hidden from them.
 */
export function TableSkeleton({ label, rows = 4 }: { label: string; rows?: number }) {
  return (
    <div role="status" className="table-skeleton" data-testid="table-skeleton">
      <VisuallyHidden>{label}</VisuallyHidden>
      <Stack gap="xs" aria-hidden="true">
        <Skeleton height={32} />
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} height={24} />
        ))}
      </Stack>
    </div>
  );
}
