import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { useI18n } from '../../app/i18n/i18n';

export interface RevenueMonth {
  month: string;
  revenueCents: number;
  lastYearCents: number;
}

/**
 * Revenue per month this year against last year. Loaded lazily (recharts is
 * heavy): the figures above it show first. The same numbers are in a table for
 * screen readers, the chart itself is hidden from them.
 */
export default function RevenueChart({ months }: { months: RevenueMonth[] }) {
  const i18n = useI18n();
  const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'short', timeZone: 'UTC' });
  const data = months.map((m) => ({
    month: monthName.format(new Date(`${m.month}-01T00:00:00Z`)),
    thisYear: m.revenueCents / 100,
    lastYear: m.lastYearCents / 100,
  }));
  const euros = (value: number) => i18n.formatAmount(Math.round(value * 100));
  return (
    <>
      <div aria-hidden="true">
        <BarChart
          h={220}
          data={data}
          dataKey="month"
          series={[
            { name: 'lastYear', label: i18n.t('dash.revenue.lastYear'), color: 'gray.4' },
            { name: 'thisYear', label: i18n.t('dash.revenue.thisYear'), color: 'blue.6' },
          ]}
          valueFormatter={euros}
          withLegend
          gridAxis="y"
          tickLine="none"
          yAxisProps={{ width: 80 }}
          // Hidden from assistive technologies (the table below says the same): nothing in it may take focus.
          barChartProps={{ accessibilityLayer: false }}
        />
      </div>
      <table className="visually-hidden">
        <caption>{i18n.t('dash.revenue.chart')}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('dash.month')}</th>
            <th scope="col">{i18n.t('dash.revenue.thisYear')}</th>
            <th scope="col">{i18n.t('dash.revenue.lastYear')}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((row, i) => (
            <tr key={months[i].month}>
              <th scope="row">{row.month}</th>
              <td>{euros(row.thisYear)}</td>
              <td>{euros(row.lastYear)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
