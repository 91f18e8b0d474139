export function ErrorMessage({ title, message, retryLabel, onRetry }: { title: string; message: string; retryLabel?: string; onRetry?: () => void }) {
  return (
    <div className="error-message" role="alert">
      <p className="error-title">{title}</p>
      <p>{message}</p>
      {onRetry && retryLabel ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {retryLabel}
        </button>
      ) : null}
    </div>
  );
}
