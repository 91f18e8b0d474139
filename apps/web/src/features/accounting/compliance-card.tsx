import { useLazyQuery } from '@apollo/client/react';
import { useI18n } from '../../app/i18n/i18n';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { graphql } from '../../gql';

const ComplianceCheckQuery = graphql(`query ComplianceCheck { complianceCheck { key label ok faults } }`);

/** Contrôle de conformité (OWNER, ADV, ACCOUNTANT): each rule ✓ or its exact faults. */
export function ComplianceCard() {
  const { language } = useI18n();
  const en = language === 'en';
  const [run, { data, loading, error }] = useLazyQuery(ComplianceCheckQuery, { fetchPolicy: 'network-only' });
  return (
    <Card
      title={en ? 'Compliance check' : 'Contrôle de conformité'}
      actions={
        <button type="button" className="button button-secondary" disabled={loading} onClick={() => void run()} data-testid="run-compliance">
          {en ? 'Run the check' : 'Lancer le contrôle'}
        </button>
      }
    >
      <ApiError error={error} />
      {data ? (
        <ul className="stack" data-testid="compliance-results">
          {data.complianceCheck.map((c) => (
            <li key={c.key} data-ok={c.ok}>
              <strong>{c.ok ? '✓' : '✗'}</strong> {c.label}
              {c.faults.length ? (
                <ul>
                  {c.faults.map((f) => (
                    <li key={f}>{f}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
