import { useCallback, useRef, useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { getFragmentData } from '../../gql';
import type { ExportJobFieldsFragment } from '../../gql/graphql';
import { liveSubscribe } from '../../app/live';
import { CancelExportMutation, ExportJobFields, ExportJobQuery, ExportLogsQuery, RunExportInBackgroundMutation } from './exports.operations';

const EXPORT_PROGRESS = 'subscription ExportProgress($id: ID!) { exportProgress(id: $id) { exportId state progress attemptsMade } }';
type ProgressEvent = { exportProgress: { state: string; progress: number } };
type Outcome = 'COMPLETED' | 'FAILED' | 'CANCELLED';
/** The job's events are the progress; this slower poll only catches an end sent before the subscription was in place. */
const FALLBACK_POLL_MS = 2000;

export type DownloadState =
  | { phase: 'idle' }
  | { phase: 'running'; job: ExportJobFieldsFragment; written: number; total: number | null }
  | { phase: 'done'; rows: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error?: unknown };

/**
 * Runs an export started on the server (a PENDING one) as a background job (any
 * node's worker writes it), shows its progress from the `exportProgress`
 * subscription, lets the user cancel (the worker stops at its next batch), then
 * downloads the finished file with the session cookie and hands it to the browser.
 */
export function useExportDownload() {
  const client = useApolloClient();
  const [state, setState] = useState<DownloadState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const jobId = useRef<string | null>(null);
  const [cancelMutation] = useMutation(CancelExportMutation);
  const [runInBackground] = useMutation(RunExportInBackgroundMutation);

  const run = useCallback(
    async (start: () => Promise<ExportJobFieldsFragment | null | undefined>) => {
      let job: ExportJobFieldsFragment | null | undefined;
      try {
        job = await start();
      } catch (error) {
        setState({ phase: 'failed', error });
        return;
      }
      if (!job?.downloadUrl) {
        setState({ phase: 'failed' });
        return;
      }
      const controller = new AbortController();
      abort.current = controller;
      jobId.current = job.id;
      const id = job.id;
      const total = job.totalRows ?? null;
      setState({ phase: 'running', job, written: 0, total });
      const written = (rows: number, newTotal: number | null = null) =>
        setState((s) => (s.phase === 'running' ? { ...s, written: rows, total: newTotal ?? s.total } : s));
      let stop: () => void = () => undefined;
      try {
        const outcome = new Promise<Outcome>((resolve) => {
          const stopLive = liveSubscribe<ProgressEvent>(EXPORT_PROGRESS, { id }, ({ exportProgress: event }) => {
            if (total) written(Math.round((event.progress * total) / 100));
            if (event.state === 'completed') resolve('COMPLETED');
            else if (event.state === 'failed') resolve('FAILED');
          });
          const poll = window.setInterval(() => {
            void client.query({ query: ExportJobQuery, variables: { id }, fetchPolicy: 'network-only' }).then(
              (result) => {
                const current = getFragmentData(ExportJobFields, result.data?.exportJob);
                if (!current) return;
                written(current.rowsWritten, current.totalRows ?? null);
                if (current.status === 'COMPLETED' || current.status === 'FAILED' || current.status === 'CANCELLED') resolve(current.status);
              },
              () => undefined,
            );
          }, FALLBACK_POLL_MS);
          controller.signal.addEventListener('abort', () => resolve('CANCELLED'));
          stop = () => {
            stopLive();
            window.clearInterval(poll);
          };
        });
        await runInBackground({ variables: { id } });
        const end = await outcome;
        if (end === 'CANCELLED') throw new DOMException('cancelled', 'AbortError');
        if (end === 'FAILED') throw new Error('export failed');
        const response = await fetch(job.downloadUrl, { credentials: 'same-origin', signal: controller.signal });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const blob = await response.blob();
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = job.fileName;
        document.body.append(link);
        link.click();
        link.remove();
        window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
        setState({ phase: 'done', rows: job.totalRows ?? 0 });
      } catch (error) {
        setState(controller.signal.aborted ? { phase: 'cancelled' } : { phase: 'failed', error });
      } finally {
        stop();
        abort.current = null;
        jobId.current = null;
        void client.refetchQueries({ include: [ExportLogsQuery] });
      }
    },
    [client, runInBackground],
  );

  const cancel = useCallback(async () => {
    const id = jobId.current;
    abort.current?.abort();
    if (id) await cancelMutation({ variables: { id } }).catch(() => undefined);
    setState({ phase: 'cancelled' });
    void client.refetchQueries({ include: [ExportLogsQuery] });
  }, [cancelMutation, client]);

  return { state, run, cancel };
}
