import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { memo, useDeferredValue } from 'react';
import { Link } from 'react-router';
import { DocumentType } from '@comptoir/schema';
import { paths } from '../../app/paths';
import { useI18n, type I18n, type MessageKey } from '../../app/i18n/i18n';
import { getFragmentData } from '../../gql';
import type { SalesDashboardQuery as SalesData } from '../../gql/graphql';
import { ApiError } from '../../ui/api-error';
import { DOCUMENT_KINDS, documentPath } from '../documents/document-kinds';
import { DocumentRows, EmptyState, Figure, newDocumentLabel, newDocumentPath, Panel, PanelSkeleton } from './dashboard-kit';
import { DashboardDocumentFragment, SalesDashboardQuery } from './dashboard.operations';
import { RevenueChart } from './revenue-chart';

/** OWNER and ADV: revenue, unpaid invoices, quotes awaiting an answer, what colleagues did. */
export function SalesDashboard() {
  const { data, error } = useQuery(SalesDashboardQuery, { fetchPolicy: 'cache-and-network' });
  // Apollo hands results over through useSyncExternalStore, whose renders React runs in one
  // piece; deferred, the dashboard's first render with data is interruptible (React yields
  // to the browser every few milliseconds), so a slow phone stays responsive while it draws.
  const dash = useDeferredValue(data?.salesDashboard);
  if (error && !data) return <ApiError error={error} />;
  if (!dash) return <DashboardSkeleton />;
  return <SalesDashboardView dash={dash} />;
}

const SalesDashboardView = memo(function SalesDashboardView({ dash }: { dash: Dash }) {
  const i18n = useI18n();
  return (
    <Stack gap="lg">
      <Revenue revenue={dash.revenue} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Unpaid unpaid={dash.unpaid} />
        <Panel title={i18n.t('dash.quotes.title')} seeAll={DOCUMENT_KINDS.QUOTE.path} testId="dash-quotes">
          {dash.quotesAwaiting.count === 0 ? (
            <EmptyState message={i18n.t('dash.quotes.empty')} action={i18n.t(newDocumentLabel(DocumentType.QUOTE))} to={newDocumentPath(DocumentType.QUOTE)} />
          ) : (
            <Stack gap="sm">
              <Text size="sm" c="gray.7">
                {i18n.t('dash.total', { count: dash.quotesAwaiting.count, amount: i18n.formatAmount(dash.quotesAwaiting.totalExclVatCents) })}
              </Text>
              <DocumentRows documents={getFragmentData(DashboardDocumentFragment, dash.quotesAwaiting.documents)} />
            </Stack>
          )}
        </Panel>
      </SimpleGrid>
      <Activity activity={dash.activity} />
    </Stack>
  );
});

type Dash = SalesData['salesDashboard'];

function Revenue({ revenue }: { revenue: Dash['revenue'] }) {
  const i18n = useI18n();
  const empty = revenue.yearToDateCents === 0 && revenue.lastYearCents === 0;
  return (
    <Panel title={i18n.t('dash.revenue.title')} seeAll={DOCUMENT_KINDS.INVOICE.path} testId="dash-revenue">
      {empty ? (
        <EmptyState message={i18n.t('dash.revenue.empty')} action={i18n.t(newDocumentLabel(DocumentType.INVOICE))} to={newDocumentPath(DocumentType.INVOICE)} />
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Figure
              label={i18n.t('dash.revenue.thisMonth')}
              value={i18n.formatAmount(revenue.thisMonthCents)}
              hint={i18n.t('dash.revenue.vsLastYearMonth', { amount: i18n.formatAmount(revenue.thisMonthLastYearCents) })}
              testId="dash-revenue-month"
            />
            <Figure
              label={i18n.t('dash.revenue.yearToDate')}
              value={i18n.formatAmount(revenue.yearToDateCents)}
              hint={i18n.t('dash.revenue.vsLastYear', { amount: i18n.formatAmount(revenue.lastYearToDateCents) })}
              testId="dash-revenue-year"
            />
          </SimpleGrid>
          <RevenueChart months={revenue.months} />
          <Text size="xs" c="gray.7">
            {i18n.t('dash.revenue.note')}
          </Text>
        </Stack>
      )}
    </Panel>
  );
}

function Unpaid({ unpaid }: { unpaid: Dash['unpaid'] }) {
  const i18n = useI18n();
  const byId = new Map(unpaid.invoices.map((u) => [getFragmentData(DashboardDocumentFragment, u.document).id, u]));
  return (
    <Panel title={i18n.t('dash.unpaid.title')} seeAll={DOCUMENT_KINDS.INVOICE.path} testId="dash-unpaid">
      {unpaid.count === 0 ? (
        <EmptyState message={i18n.t('dash.unpaid.empty')} action={i18n.t(newDocumentLabel(DocumentType.INVOICE))} to={newDocumentPath(DocumentType.INVOICE)} />
      ) : (
        <Stack gap="sm">
          <Figure
            label={i18n.t('dash.unpaid.count', { count: unpaid.count })}
            value={i18n.t('dash.unpaid.total', { amount: i18n.formatAmount(unpaid.totalInclVatCents) })}
            hint={unpaid.overdueCount > 0 ? i18n.t('dash.unpaid.overdue', { amount: i18n.formatAmount(unpaid.overdueInclVatCents) }) : undefined}
            testId="dash-unpaid-total"
          />
          <DocumentRows
            documents={unpaid.invoices.map((u) => getFragmentData(DashboardDocumentFragment, u.document))}
            // Straight to the invoice's payments, where one is recorded.
            linkTo={(doc) => documentPath(doc.type, doc.id, 'paiements')}
            extra={(doc) => {
              const u = byId.get(doc.id)!;
              return (
                <Group gap={6}>
                  <Text size="xs" c="gray.7">
                    {i18n.t('dash.unpaid.due', { date: i18n.formatDate(u.dueDate) })}
                  </Text>
                  {u.daysOverdue > 0 ? (
                    <Badge color="red.9" variant="filled" size="sm">
                      {i18n.t('dash.unpaid.late', { days: u.daysOverdue })}
                    </Badge>
                  ) : null}
                </Group>
              );
            }}
          />
          <Text size="xs" c="gray.7">
            {i18n.t('dash.unpaid.note')}
          </Text>
        </Stack>
      )}
    </Panel>
  );
}

type ActivityItem = Dash['activity'][number];

function activityTarget(item: ActivityItem): string | null {
  const { entry, document } = item;
  if (document) return documentPath(document.type, document.id);
  if (entry.entityType === 'CUSTOMER') return `/clients/${entry.entityId}`;
  if (entry.entityType === 'SUPPLIER') return `/fournisseurs/${entry.entityId}`;
  if (entry.entityType === 'ARTICLE') return `/articles/${entry.entityId}`;
  return null;
}

function activitySubject(i18n: I18n, item: ActivityItem): string {
  const { entry, document } = item;
  if (document) return `${i18n.t(DOCUMENT_KINDS[document.type as DocumentType].singular)} ${document.number ?? i18n.t('doc.status.DRAFT').toLowerCase()}${document.partyName ? ` · ${document.partyName}` : ''}`;
  return item.subject ?? entry.number ?? entry.label ?? '';
}

function Activity({ activity }: { activity: ActivityItem[] }) {
  const i18n = useI18n();
  return (
    <Panel title={i18n.t('dash.activity.title')} testId="dash-activity">
      {activity.length === 0 ? (
        <EmptyState message={i18n.t('dash.activity.empty')} action={i18n.t('dash.activity.invite')} to={paths.settingsUsers} />
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {activity.map((item) => {
            const target = activityTarget(item);
            const subject = activitySubject(i18n, item);
            return (
              <Group component="li" key={item.entry.id} justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
                <Text size="sm" style={{ minWidth: 0 }}>
                  <Text span fw={600}>
                    {item.entry.user?.name ?? i18n.t('history.unknownUser')}
                  </Text>
                  {' · '}
                  {i18n.t(`history.entry.${item.entry.type}` as MessageKey)}
                  {subject ? ' · ' : ''}
                  {subject && target ? (
                    // Inside a sentence: underlined, not told apart by colour alone (axe link-in-text-block).
                    <Anchor component={Link} to={target} size="sm" underline="always">
                      {subject}
                    </Anchor>
                  ) : (
                    subject
                  )}
                </Text>
                <Text size="xs" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
                  {i18n.formatDateTime(item.entry.createdAt)}
                </Text>
              </Group>
            );
          })}
        </Stack>
      )}
    </Panel>
  );
}

export function DashboardSkeleton() {
  return (
    <Stack gap="lg" role="status" aria-busy="true">
      <PanelSkeleton />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <PanelSkeleton />
        <PanelSkeleton />
      </SimpleGrid>
    </Stack>
  );
}
