// Where this browser's last save went: synced, kept in this browser only (and why), or an error.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { getSyncStatus, onSyncStatusChanged, type SyncStatus } from '../shared/settings.ts';
import { formatDateTime } from '../ui/format.ts';

const ICONS: Record<SyncStatus['state'], string> = { idle: '·', pending: '⟳', synced: '✔', 'local-only': '⚠', error: '✖' };

export function SyncStatusLine() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    void getSyncStatus().then(setStatus);
    const stop = new AbortController();
    onSyncStatusChanged(setStatus, stop.signal);
    return () => stop.abort();
  }, []);
  if (!status) return null;
  const message = t(status.messageKey);
  return (
    <p class={`sync-status sync-${status.state}`} role="status" aria-live="polite" data-testid="sync-status" data-state={status.state}>
      <span aria-hidden="true">{ICONS[status.state] ?? '·'} </span>
      {message === status.messageKey ? status.state : message}
      {status.at ? <span class="muted"> · {formatDateTime(status.at)}</span> : null}
      {status.detail ? <span class="muted"> · {status.detail}</span> : null}
    </p>
  );
}
