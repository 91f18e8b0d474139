import { Profile } from '@comptoir/schema';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n/i18n';
import { PageHeader } from '../../ui/page-header';
import { AccountingDashboard, CommercialDashboard, PurchasesDashboard } from './other-dashboards';
import { SalesDashboard } from './sales-dashboard';

/** The home page of a dossier: what the session's profile follows day to day. */
export default function DashboardPage() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <>
      <PageHeader title={session.dossier?.name ?? t('dash.title')} intro={t('dash.title')} />
      <ProfileDashboard profile={session.profile} />
    </>
  );
}

function ProfileDashboard({ profile }: { profile: Profile | null }) {
  switch (profile) {
    case Profile.OWNER:
    case Profile.ADV:
      return <SalesDashboard />;
    case Profile.COMMERCIAL:
      return <CommercialDashboard />;
    case Profile.ACHAT:
      return <PurchasesDashboard />;
    case Profile.ACCOUNTANT:
      return <AccountingDashboard />;
    default:
      return null;
  }
}
