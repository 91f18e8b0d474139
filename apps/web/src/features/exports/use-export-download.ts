import { useCallback, useRef, useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { getFragmentData } from '../../gql';
import type { ExportJobFieldsFragment } from '../../gql/graphql';
import { CancelExportMutation, ExportJobFields, ExportJobQuery, ExportLogsQuery } from './exports.operations';

export type DownloadState =
  | { phase: 'idle' }
  | { phase: 'running'; job: ExportJobFieldsFragment; written: number; total: number | null }
  | { phase: 'done'; rows: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error?: unknown };

/**
 * Downloads an export started on the server (a PENDING job): fetches its file with
 * the session cookie while polling the job's progress (rows written / total), lets
 * the user cancel (the server stops at its next batch, whatever process runs it),
 * then hands the file to the browser as a download.
 */
export function useExportDownload() {
  const client = useApolloClient();
  const [state, setState] = useState<DownloadState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const jobId = useRef<string | null>(null);
  const [cancelMutation] = useMutation(CancelExportMutation);

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
      setState({ phase: 'running', job, written: 0, total: job.totalRows ?? null });
      const poll = window.setInterval(() => {
        void client.query({ query: ExportJobQuery, variables: { id: job.id }, fetchPolicy: 'network-only' }).then(
          (result) => {
            const current = getFragmentData(ExportJobFields, result.data?.exportJob);
            if (current) setState((s) => (s.phase === 'running' ? { ...s, written: current.rowsWritten, total: current.totalRows ?? s.total } : s));
          },
          () => undefined,
        );
      }, 500);
      try {
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
        window.clearInterval(poll);
        abort.current = null;
        jobId.current = null;
        void client.refetchQueries({ include: [ExportLogsQuery] });
      }
    },
    [client],
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
