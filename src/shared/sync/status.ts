// The outcome of this browser's last settings write, kept in storage.local so every extension page (not just
// the one that saved) can show it. storage.local writes cost nothing against the sync write limits.
import browser from '../browser.ts';

export const SYNC_STATUS_KEY = 'rc.sync.status';

export type SyncState =
  /** Nothing saved from this browser yet. */
  | 'idle'
  /** A save is waiting for the debounce or the write-rate budget. */
  | 'pending'
  /** Stored in storage.sync; the user's other browsers follow. */
  | 'synced'
  /** Kept in storage.local of this browser only (see reason). */
  | 'local-only'
  /** The write failed; the previous config stays active. */
  | 'error';

export type SyncReason = 'too-large' | 'rate-limited' | 'unavailable' | 'write-failed';

export interface SyncStatus {
  state: SyncState;
  reason?: SyncReason;
  /** Key in src/locales/settings.json describing the state for the options page. */
  messageKey: string;
  /** Raw browser error text, for support. */
  detail?: string;
  /** UTF-8 bytes of the config JSON last saved. */
  bytes?: number;
  at: number;
}

export const IDLE_STATUS: SyncStatus = { state: 'idle', messageKey: 'settings_sync_idle', at: 0 };

export function statusMessageKey(state: SyncState, reason?: SyncReason): string {
  if (reason) return `settings_sync_${state.replace('-', '_')}_${reason.replace('-', '_')}`;
  return `settings_sync_${state.replace('-', '_')}`;
}

export async function getSyncStatus(): Promise<SyncStatus> {
  try {
    const got = await browser.storage.local.get(SYNC_STATUS_KEY);
    const s = got[SYNC_STATUS_KEY] as SyncStatus | undefined;
    return s && typeof s === 'object' && typeof s.state === 'string' ? s : IDLE_STATUS;
  } catch {
    return IDLE_STATUS;
  }
}

export async function setSyncStatus(status: Omit<SyncStatus, 'messageKey'>): Promise<SyncStatus> {
  const full: SyncStatus = { ...status, messageKey: statusMessageKey(status.state, status.reason) };
  await browser.storage.local.set({ [SYNC_STATUS_KEY]: full });
  return full;
}

/** Calls back whenever the sync status changes, in any context. */
export function onSyncStatusChanged(cb: (status: SyncStatus) => void, signal?: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local' || !(SYNC_STATUS_KEY in changes)) return;
    const next = changes[SYNC_STATUS_KEY]?.newValue as SyncStatus | undefined;
    cb(next ?? IDLE_STATUS);
  };
  browser.storage.onChanged.addListener(listener);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
