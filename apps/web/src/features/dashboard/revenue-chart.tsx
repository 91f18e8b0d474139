import { useI18n } from '../../app/i18n/i18n';
import './dashboard.css';

export interface RevenueMonth {
  month: string;
  revenueCents: number;
  lastYearCents: number;
}

// Intl formatters are costly to create (more than the whole chart on a slowed phone): once per language.
const formatters = new Map<string, { month: Intl.DateTimeFormat; compact: Intl.NumberFormat }>();
function formattersOf(language: string) {
  let found = formatters.get(language);
  if (!found) {
    found = {
      month: new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' }),
      compact: new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 }),
    };
    formatters.set(language, found);
  }
  return found;
}

/** A round step of about a quarter of `span` (1, 2, 2.5 or 5 times a power of ten). */
function niceStep(span: number): number {
  const rough = span / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const factor = rough / power;
  return (factor <= 1 ? 1 : factor <= 2 ? 2 : factor <= 2.5 ? 2.5 : factor <= 5 ? 5 : 10) * power;
}

/** The vertical scale: from `low` to `high` (zero included), with a grid line every `step`. */
export function revenueScale(values: number[]): { low: number; high: number; ticks: number[] } {
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  if (max === min) return { low: 0, high: 1, ticks: [0] };
  const step = niceStep(max - min);
  const low = Math.floor(min / step) * step;
  const high = Math.ceil(max / step) * step;
  const ticks = Array.from({ length: Math.round((high - low) / step) + 1 }, (_, i) => low + i * step);
  return { low, high, ticks };
}

/**
 * Revenue per month this year against last year: plain HTML and CSS bars (heights in
 * percent of the plot, widths from the grid), so it costs a few dozen elements and no
 * measuring — a charting library spent most of the dashboard's main-thread time on a
 * phone drawing these 24 bars. The same numbers are in a table for screen readers,
 * the drawing itself is hidden from them; hovering a month shows its figures.
 */
export function RevenueChart({ months }: { months: RevenueMonth[] }) {
  const i18n = useI18n();
  const { month: monthName, compact } = formattersOf(i18n.language);
  const rows = months.map((m) => ({ key: m.month, label: monthName.format(new Date(`${m.month}-01T00:00:00Z`)), thisYear: m.revenueCents, lastYear: m.lastYearCents }));
  const { low, high, ticks } = revenueScale(rows.flatMap((r) => [r.thisYear, r.lastYear]));
  const percent = (cents: number) => `${(((cents - low) / (high - low)) * 100).toFixed(2)}%`;
  const bar = (cents: number, className: string) => (
    <span className={className} style={{ bottom: percent(Math.min(cents, 0)), height: `${((Math.abs(cents) / (high - low)) * 100).toFixed(2)}%` }} />
  );
  const thisYear = i18n.t('dash.revenue.thisYear');
  const lastYear = i18n.t('dash.revenue.lastYear');
  return (
    <>
      <div className="revenue-chart" aria-hidden="true" data-testid="dash-revenue-chart">
        <div className="revenue-chart-legend">
          <span>
            <span className="revenue-chart-swatch revenue-chart-last" />
            {lastYear}
          </span>
          <span>
            <span className="revenue-chart-swatch revenue-chart-this" />
            {thisYear}
          </span>
        </div>
        <div className="revenue-chart-plot">
          {ticks.map((tick) => (
            <div key={tick} className="revenue-chart-grid" style={{ bottom: percent(tick) }}>
              <span>{compact.format(tick / 100)}</span>
            </div>
          ))}
          <div className="revenue-chart-bars">
            {rows.map((r) => (
              <div key={r.key} className="revenue-chart-month" title={`${r.label} · ${thisYear} : ${i18n.formatAmount(r.thisYear)} · ${lastYear} : ${i18n.formatAmount(r.lastYear)}`}>
                {bar(r.lastYear, 'revenue-chart-bar revenue-chart-last')}
                {bar(r.thisYear, 'revenue-chart-bar revenue-chart-this')}
              </div>
            ))}
          </div>
        </div>
        <div className="revenue-chart-months">
          {rows.map((r) => (
            <span key={r.key}>{r.label}</span>
          ))}
        </div>
      </div>
      <table className="visually-hidden">
        <caption>{i18n.t('dash.revenue.chart')}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('dash.month')}</th>
            <th scope="col">{thisYear}</th>
            <th scope="col">{lastYear}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{i18n.formatAmount(r.thisYear)}</td>
              <td>{i18n.formatAmount(r.lastYear)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
