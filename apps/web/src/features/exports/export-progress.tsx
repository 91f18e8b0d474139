import { useI18n } from '../../app/i18n/i18n';
import { ApiError } from '../../ui/api-error';
import type { DownloadState } from './use-export-download';

export function ExportProgress({ state, onCancel }: { state: DownloadState; onCancel: () => void }) {
  const { t } = useI18n();
  switch (state.phase) {
    case 'running': {
      const total = state.total ?? 0;
      return (
        <div className="export-progress" role="status" data-testid="export-progress">
          <progress max={Math.max(total, 1)} value={Math.min(state.written, Math.max(total, 1))} />
          <span>{t('exports.export.progress', { written: state.written.toLocaleString('fr-FR'), total: total.toLocaleString('fr-FR') })}</span>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('exports.export.cancel')}
          </button>
        </div>
      );
    }
    case 'done':
      return (
        <p className="note" role="status" data-testid="export-done">
          {t('exports.export.done', { rows: state.rows })}
        </p>
      );
    case 'cancelled':
      return (
        <p className="note" role="status">
          {t('exports.export.cancelled')}
        </p>
      );
    case 'failed':
      return state.error ? <ApiError error={state.error} /> : <p className="error-message">{t('exports.export.failed')}</p>;
    default:
      return null;
  }
}
