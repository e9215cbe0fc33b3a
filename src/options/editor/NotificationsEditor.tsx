// Notification settings and how long conversation records are kept; both are part of the team config.
import { DEFAULT_NOTIFICATIONS, DEFAULT_RETENTION_DAYS } from '../../core/config/defaults.ts';
import { t } from '../../shared/i18n.ts';
import { setOrDelete, type Draft } from './draft.ts';
import { FieldErrors } from './fields.tsx';
import type { Update } from './HoursEditor.tsx';
import { NumberInput } from './NumberInput.tsx';

type Notifications = NonNullable<Draft['notifications']>;

export function NotificationsEditor({ draft, update }: { draft: Draft; update: Update }) {
  const n = draft.notifications ?? {};
  const set = <K extends keyof Notifications>(key: K, value: Notifications[K] | undefined): void =>
    update((d) => {
      const next = { ...d.notifications };
      setOrDelete(next, key, value);
      d.notifications = next;
    });
  return (
    <div data-testid="notifications-editor">
      <label class="check">
        <input type="checkbox" checked={n.enabled ?? DEFAULT_NOTIFICATIONS.enabled} data-testid="notify-enabled" onChange={(e) => set('enabled', e.currentTarget.checked)} />
        {t('options_notify_enabled')}
      </label>
      <FieldErrors path="notifications.enabled" />
      <NumberInput
        path="notifications.leadMinutes"
        label={t('options_notify_lead')}
        value={n.leadMinutes}
        placeholder={String(DEFAULT_NOTIFICATIONS.leadMinutes)}
        testid="notify-lead"
        onValue={(v) => set('leadMinutes', v as number | undefined)}
      />
      <FieldErrors path="notifications.leadMinutes" />
      <label class="check">
        <input type="checkbox" checked={n.quietWhenClosed ?? DEFAULT_NOTIFICATIONS.quietWhenClosed} data-testid="notify-quiet" onChange={(e) => set('quietWhenClosed', e.currentTarget.checked)} />
        {t('options_notify_quiet')}
      </label>
      <FieldErrors path="notifications" />
    </div>
  );
}

export function RetentionEditor({ draft, update }: { draft: Draft; update: Update }) {
  return (
    <div data-testid="retention-editor">
      <NumberInput
        path="retentionDays"
        label={t('options_retention_days')}
        value={draft.retentionDays}
        placeholder={String(DEFAULT_RETENTION_DAYS)}
        testid="retention-days"
        onValue={(v) => update((d) => setOrDelete(d, 'retentionDays', v as number | undefined))}
      />
      <span class="muted small">{t('options_retention_help', String(DEFAULT_RETENTION_DAYS))}</span>
      <FieldErrors path="retentionDays" />
    </div>
  );
}
