import { useQuery } from '@apollo/client/react';
import { Anchor, RingProgress, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DocumentType } from '@comptoir/schema';
import { useI18n } from '../../app/i18n/i18n';
import { getFragmentData, type FragmentType } from '../../gql';
import { ApiError } from '../../ui/api-error';
import { DOCUMENT_KINDS } from '../documents/document-kinds';
import { DocumentRows, EmptyState, Figure, newDocumentLabel, newDocumentPath, Panel } from './dashboard-kit';
import { AccountingDashboardQuery, CommercialDashboardQuery, DashboardDocumentFragment, PurchasesDashboardQuery } from './dashboard.operations';
import { DashboardSkeleton } from './sales-dashboard';

interface Summary {
  count: number;
  totalExclVatCents: number;
  documents: FragmentType<typeof DashboardDocumentFragment>[];
}

/** A group of documents: count and total, the first few, or what to do when there is none. */
function SummaryPanel({ title, summary, type, empty, create = true, testId }: { title: string; summary: Summary; type: DocumentType; empty: string; create?: boolean; testId: string }) {
  const i18n = useI18n();
  return (
    <Panel title={title} seeAll={DOCUMENT_KINDS[type].path} testId={testId}>
      {summary.count === 0 ? (
        <EmptyState message={empty} action={create ? i18n.t(newDocumentLabel(type)) : undefined} to={create ? newDocumentPath(type) : undefined} />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="gray.7" data-testid={`${testId}-total`}>
            {i18n.t('dash.total', { count: summary.count, amount: i18n.formatAmount(summary.totalExclVatCents) })}
          </Text>
          <DocumentRows documents={getFragmentData(DashboardDocumentFragment, summary.documents)} />
        </Stack>
      )}
    </Panel>
  );
}

/** COMMERCIAL (and anyone selling): the quotes they created. */
export function CommercialDashboard() {
  const i18n = useI18n();
  const { data, error } = useQuery(CommercialDashboardQuery, { fetchPolicy: 'cache-and-network' });
  if (error && !data) return <ApiError error={error} />;
  const dash = data?.commercialDashboard;
  if (!dash) return <DashboardSkeleton />;
  const total = dash.byStatus.reduce((sum, s) => sum + s.count, 0);
  if (total === 0) {
    return (
      <Panel title={i18n.t('dash.commercial.title')} testId="dash-commercial">
        <EmptyState message={i18n.t('dash.commercial.empty')} action={i18n.t(newDocumentLabel(DocumentType.QUOTE))} to={newDocumentPath(DocumentType.QUOTE)} />
      </Panel>
    );
  }
  const rate = dash.conversionRate;
  return (
    <Stack gap="lg">
      <Panel title={i18n.t('dash.commercial.title')} seeAll={DOCUMENT_KINDS.QUOTE.path} testId="dash-commercial">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Stack gap="xs" align="flex-start">
            <Figure
              label={i18n.t('dash.commercial.rate')}
              value={rate === null ? i18n.t('dash.commercial.noRate') : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(rate)}
              hint={i18n.t('dash.commercial.rateHelp')}
              testId="dash-conversion"
            />
            {rate !== null ? <RingProgress size={90} thickness={10} sections={[{ value: rate * 100, color: 'teal' }]} aria-hidden="true" /> : null}
          </Stack>
          <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
            {dash.byStatus.map((s) => (
              <Text component="li" key={s.status} size="sm">
                <Text span fw={600}>
                  {i18n.t(`doc.status.QUOTE.${s.status as 'DRAFT'}`)}
                </Text>
                {' · '}
                {i18n.t('dash.total', { count: s.count, amount: i18n.formatAmount(s.totalExclVatCents) })}
              </Text>
            ))}
          </Stack>
        </SimpleGrid>
      </Panel>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <SummaryPanel title={i18n.t('dash.commercial.awaiting')} summary={dash.awaiting} type={DocumentType.QUOTE} empty={i18n.t('dash.quotes.empty')} testId="dash-awaiting" />
        <SummaryPanel title={i18n.t('dash.commercial.drafts')} summary={dash.drafts} type={DocumentType.QUOTE} empty={i18n.t('dash.commercial.empty')} testId="dash-drafts" />
      </SimpleGrid>
    </Stack>
  );
}

/** ACHAT: price requests still open and orders not yet received. */
export function PurchasesDashboard() {
  const i18n = useI18n();
  const { data, error } = useQuery(PurchasesDashboardQuery, { fetchPolicy: 'cache-and-network' });
  if (error && !data) return <ApiError error={error} />;
  const dash = data?.purchasesDashboard;
  if (!dash) return <DashboardSkeleton />;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <SummaryPanel title={i18n.t('dash.purchases.requests')} summary={dash.openPriceRequests} type={DocumentType.PRICE_REQUEST} empty={i18n.t('dash.purchases.requestsEmpty')} testId="dash-requests" />
      <SummaryPanel title={i18n.t('dash.purchases.orders')} summary={dash.ordersToReceive} type={DocumentType.SUPPLIER_ORDER} empty={i18n.t('dash.purchases.ordersEmpty')} testId="dash-orders" />
    </SimpleGrid>
  );
}

/** ACCOUNTANT: what was issued this month; batches to collect come with the accounting exports. */
export function AccountingDashboard() {
  const i18n = useI18n();
  const { data, error } = useQuery(AccountingDashboardQuery, { fetchPolicy: 'cache-and-network' });
  if (error && !data) return <ApiError error={error} />;
  const dash = data?.accountingDashboard;
  if (!dash) return <DashboardSkeleton />;
  return (
    <Stack gap="lg">
      <Text c="gray.7">
        {i18n.t('dash.accounting.batches')}{' '}
        <Anchor component={Link} to={DOCUMENT_KINDS.INVOICE.path}>
          {i18n.t('doc.type.INVOICE.plural')}
        </Anchor>
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <SummaryPanel title={i18n.t('dash.accounting.invoices')} summary={dash.invoices} type={DocumentType.INVOICE} empty={i18n.t('dash.accounting.empty')} create={false} testId="dash-month-invoices" />
        <SummaryPanel title={i18n.t('dash.accounting.creditNotes')} summary={dash.creditNotes} type={DocumentType.CREDIT_NOTE} empty={i18n.t('dash.accounting.empty')} create={false} testId="dash-month-credit-notes" />
      </SimpleGrid>
    </Stack>
  );
}
