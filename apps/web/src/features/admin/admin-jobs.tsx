import { Table } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { useLiveEvents } from '../../app/live';
import { graphql } from '../../gql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { TableScroll } from '../../ui/table-scroll';
import { TableSkeleton } from '../../ui/table-skeleton';

const JobsQuery = graphql(`
  query AdminJobs($state: String) {
    adminJobs(state: $state) {
      queue
      counts {
        waiting
        active
        delayed
        failed
        completed
      }
      jobs {
        id
        name
        state
        attemptsMade
        maxAttempts
        progress
        failedReason
        dossierId
        createdAt
        finishedAt
      }
    }
  }
`);

const RetryJob = graphql(`
  mutation AdminRetryJob($id: ID!) {
    adminRetryJob(id: $id)
  }
`);

/** Every job change (queued, started, progress, retry to come, failed, completed), for all nodes (support team only). */
const ADMIN_JOB_CHANGED = 'subscription AdminJobChanged { adminJobChanged { id state progress } }';
type AdminJobChange = { adminJobChanged: { id: string; state: string; progress: number } };

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
type State = (typeof STATES)[number];

/**
 * Background jobs (exports, e-mails, PDFs, accounting batches): counts per state, the
 * jobs of one state, retry of a failed one. Live: each job change on any node
 * (`adminJobChanged`) refetches the list, a burst of them once.
 */
export function AdminJobsSection() {
  const { t, formatDateTime } = useI18n();
  const [state, setState] = useState<State>('failed');
  const { data, loading, error, refetch } = useQuery(JobsQuery, { variables: { state }, fetchPolicy: 'network-only' });
  useLiveEvents<AdminJobChange>(ADMIN_JOB_CHANGED, {}, () => void refetch().catch(() => undefined), 300);
  const [retry, retrying] = useMutation(RetryJob);
  const jobs = data?.adminJobs;
  return (
    <div className="stack">
      <Card title={t('admin.tab.jobs')}>
        {error ? <ApiError error={error} /> : null}
        {retrying.error ? <ApiError error={retrying.error} /> : null}
        {loading && !jobs ? <TableSkeleton label={t('app.loading')} /> : null}
        {jobs ? (
          <>
            <p className="muted">{t(jobs.queue === 'redis' ? 'admin.jobs.redis' : 'admin.jobs.memory')}</p>
            <div className="tabs" role="group" aria-label={t('admin.tab.jobs')}>
              {STATES.map((s) => (
                <button key={s} type="button" className={`tab${s === state ? ' active' : ''}`} aria-pressed={s === state} onClick={() => setState(s)} data-testid={`jobs-${s}`}>
                  {t(`admin.jobs.state.${s}` as MessageKey)} ({jobs.counts[s]})
                </button>
              ))}
            </div>
            {jobs.jobs.length === 0 ? (
              <p className="muted">{t('admin.jobs.none')}</p>
            ) : (
              <TableScroll>
                <Table data-testid="admin-jobs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('admin.jobs.name')}</Table.Th>
                      <Table.Th>{t('admin.jobs.created')}</Table.Th>
                      <Table.Th>{t('admin.jobs.attempts')}</Table.Th>
                      <Table.Th>{t('admin.jobs.progress')}</Table.Th>
                      <Table.Th>{t('admin.jobs.error')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {jobs.jobs.map((job) => (
                      <Table.Tr key={job.id} data-testid="admin-job" data-job-id={job.id}>
                        <Table.Td>
                          {job.name}
                          <div className="muted">{job.id}</div>
                        </Table.Td>
                        <Table.Td>{formatDateTime(job.createdAt)}</Table.Td>
                        <Table.Td>
                          {job.attemptsMade} / {job.maxAttempts}
                        </Table.Td>
                        <Table.Td>{job.progress} %</Table.Td>
                        <Table.Td>{job.failedReason ?? '—'}</Table.Td>
                        <Table.Td>
                          {job.state === 'failed' ? (
                            <button type="button" className="button button-secondary" disabled={retrying.loading} onClick={() => void retry({ variables: { id: job.id } }).then(() => refetch())}>
                              {t('admin.jobs.retry')}
                            </button>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
          </>
        ) : null}
      </Card>
    </div>
  );
}
