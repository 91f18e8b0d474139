import { Table } from '@mantine/core';
import type { ComponentProps } from 'react';

// Table.Tr and Table.Td are whole Mantine components (theme, styles API, table context) for every
// cell: 400 of them per page of 50 documents were the longest task of a list's first render on a
// phone (Lighthouse, 4× CPU slowdown). Long lists' body rows are plain elements carrying the same
// classes and attributes, so they look the same.
const ROW = `${Table.classes.tr} mantine-Table-tr`;
const CELL = `${Table.classes.td} mantine-Table-td`;

/** A body row of a Mantine <Table> (row border and hover as the table's defaults). */
export function Row({ className, ...props }: ComponentProps<'tr'>) {
  return <tr className={className ? `${ROW} ${className}` : ROW} data-with-row-border="true" data-hover="true" {...props} />;
}

/** A body cell of a Mantine <Table>. */
export function Cell({ className, ...props }: ComponentProps<'td'>) {
  return <td className={className ? `${CELL} ${className}` : CELL} {...props} />;
}
