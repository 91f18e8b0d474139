import { useI18n } from '../../app/i18n/i18n';
import { formatRate } from '@comptoir/schema';

export interface TotalsView {
  totalExclVatCents: bigint | number;
  totalVatCents: bigint | number;
  totalInclVatCents: bigint | number;
  vatBreakdown: { vatRate: string; baseCents: bigint | number; vatCents: bigint | number }[];
}

/** HT, VAT per rate and TTC. `live`: computed in the browser while editing (the server confirms on save). */
export function TotalsPanel({ totals, live }: { totals: TotalsView; live: boolean }) {
  const { t, formatAmount } = useI18n();
  const amount = (v: bigint | number) => formatAmount(BigInt(v));
  return (
    <section className="totals-panel" aria-label={t('totals.title')} data-testid="totals" data-source={live ? 'live' : 'server'}>
      <dl>
        <div>
          <dt>{t('totals.excl')}</dt>
          <dd data-testid="total-excl">{amount(totals.totalExclVatCents)}</dd>
        </div>
        {totals.vatBreakdown.map((row) => (
          <div key={row.vatRate} className="totals-vat">
            <dt>
              {t('totals.vat', { rate: formatRate(row.vatRate) })} <small>{t('totals.vatBase', { base: amount(row.baseCents) })}</small>
            </dt>
            <dd>{amount(row.vatCents)}</dd>
          </div>
        ))}
        <div>
          <dt>{t('totals.vatTotal')}</dt>
          <dd data-testid="total-vat">{amount(totals.totalVatCents)}</dd>
        </div>
        <div className="totals-incl">
          <dt>{t('totals.incl')}</dt>
          <dd data-testid="total-incl">{amount(totals.totalInclVatCents)}</dd>
        </div>
      </dl>
      <p className="muted small">{live ? t('totals.live') : t('totals.server')}</p>
    </section>
  );
}
