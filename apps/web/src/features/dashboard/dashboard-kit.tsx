import { Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { DocumentType } from '@comptoir/schema';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { DOCUMENT_KINDS, documentPath } from '../documents/document-kinds';
import type { DashboardDocumentFragment } from '../../gql/graphql';

/** One block of the dashboard: a titled card, its figures, and a link to the full list. */
export function Panel({ title, seeAll, children, testId }: { title: string; seeAll?: string; children: ReactNode; testId?: string }) {
  const { t } = useI18n();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h4">
          {title}
        </Title>
        {seeAll ? (
          <Anchor component={Link} to={seeAll} size="sm">
            {t('dash.seeAll')}
          </Anchor>
        ) : null}
      </Group>
      {children}
    </Card>
  );
}

/** A big figure with its caption. */
export function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={700} fz={28} lh={1.2} data-testid={testId}>
        {value}
      </Text>
      {hint ? (
        <Text size="sm" c="gray.7">
          {hint}
        </Text>
      ) : null}
    </Stack>
  );
}

/** What to do when a block is empty, with the button that does it. */
export function EmptyState({ message, action, to }: { message: string; action?: string; to?: string }) {
  return (
    <Stack gap="sm" align="flex-start">
      <Text c="gray.7">{message}</Text>
      {action && to ? (
        <Button component={Link} to={to} variant="light">
          {action}
        </Button>
      ) : null}
    </Stack>
  );
}

export function newDocumentPath(type: DocumentType): string {
  return `${DOCUMENT_KINDS[type].path}/nouveau`;
}

export function newDocumentLabel(type: DocumentType): MessageKey {
  return DOCUMENT_KINDS[type].newLabel;
}

/** A short list of documents: number (or draft), party, amount, and what the caller adds; each links to its page (or where `linkTo` says). */
export function DocumentRows({
  documents,
  extra,
  linkTo,
}: {
  documents: DashboardDocumentFragment[];
  extra?: (doc: DashboardDocumentFragment) => ReactNode;
  linkTo?: (doc: DashboardDocumentFragment) => string;
}) {
  const i18n = useI18n();
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {documents.map((doc) => (
        <Group component="li" key={doc.id} justify="space-between" wrap="nowrap" gap="sm">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={linkTo ? linkTo(doc) : documentPath(doc.type, doc.id)} fw={600} truncate>
              {doc.number ?? i18n.t('doc.status.DRAFT')}
              {doc.partyName ? ` · ${doc.partyName}` : ''}
            </Anchor>
            {extra ? extra(doc) : (
              <Text size="xs" c="gray.7">
                {i18n.formatDate(doc.date)}
              </Text>
            )}
          </Stack>
          <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
            {i18n.formatAmount(doc.type === 'INVOICE' ? doc.totalInclVatCents : doc.totalExclVatCents)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

export function PanelSkeleton() {
  return (
    <Card withBorder radius="md" padding="lg" aria-hidden="true">
      <Skeleton height={20} width="40%" mb="md" />
      <Skeleton height={32} width="60%" mb="sm" />
      <Skeleton height={14} mb={6} />
      <Skeleton height={14} width="80%" />
    </Card>
  );
}
