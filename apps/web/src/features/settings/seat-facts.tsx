import type { Plan, SeatUsage } from '@comptoir/schema';
import { useI18n } from '../../app/i18n/i18n';

/** The shared seat figures (`@comptoir/schema`), with the plan as the API sends it. */
export type SeatFactsData = Omit<SeatUsage, 'plan'> & { plan: Plan | `${Plan}` };

/** Plan and seats (accès utilisateurs), used by Paramètres and /admin. */
export function SeatFacts({ seats }: { seats: SeatFactsData }) {
  const { t } = useI18n();
  return (
    <dl className="facts" data-testid="seat-facts">
      <div>
        <dt>{t('settings.seats.plan')}</dt>
        <dd data-testid="seat-plan">{t(`settings.plan.${seats.plan}`)}</dd>
      </div>
      <div>
        <dt>{t('settings.seats.included')}</dt>
        <dd>{seats.includedSeats}</dd>
      </div>
      <div>
        <dt>{t('settings.seats.extra')}</dt>
        <dd>{seats.extraSeats}</dd>
      </div>
      <div>
        <dt>{t('settings.seats.used')}</dt>
        <dd data-testid="seats-used">
          {t('settings.seats.usedOf', { used: seats.seatsUsed, total: seats.totalSeats })}
        </dd>
      </div>
      <div>
        <dt>{t('settings.seats.available')}</dt>
        <dd data-testid="seats-available">{seats.seatsAvailable}</dd>
      </div>
      <div>
        <dt>{t('settings.seats.accountant')}</dt>
        <dd>{seats.accountantAccess ? t('settings.seats.accountantYes', { count: seats.accountants }) : t('settings.seats.accountantNo')}</dd>
      </div>
    </dl>
  );
}
