// The import preview as plain text lines: what a new team config adds, removes or changes.
import { t } from '../../shared/i18n.ts';
import type { ConfigDiff, ListDiff } from './diff.ts';

function listLines(diff: ListDiff): string[] {
  const lines: string[] = [];
  if (diff.added.length) lines.push(t('options_diff_added', diff.added.join(', ')));
  if (diff.removed.length) lines.push(t('options_diff_removed', diff.removed.join(', ')));
  if (diff.changed.length) lines.push(t('options_diff_changed', diff.changed.join(', ')));
  return lines;
}

function Group({ title, lines, testid }: { title: string; lines: string[]; testid: string }) {
  if (!lines.length) return null;
  return (
    <li data-testid={testid}>
      <strong>{title}</strong>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </li>
  );
}

export function DiffView({ diff }: { diff: ConfigDiff }) {
  const brandLines = diff.brands.flatMap((b) => [
    ...(b.added.length ? [t('options_diff_brand_added', [b.platform, b.added.join(', ')])] : []),
    ...(b.removed.length ? [t('options_diff_brand_removed', [b.platform, b.removed.join(', ')])] : []),
  ]);
  const policyLines = [...listLines(diff.policies), ...(diff.policyOrderChanged ? [t('options_diff_policy_order')] : [])];
  return (
    <ul class="diff" data-testid="import-config-preview">
      <Group title={t('options_diff_schedules')} lines={listLines(diff.schedules)} testid="diff-schedules" />
      <Group title={t('options_diff_policies')} lines={policyLines} testid="diff-policies" />
      <Group title={t('options_diff_brands')} lines={brandLines} testid="diff-brands" />
      <Group title={t('options_diff_sites')} lines={listLines(diff.sites)} testid="diff-sites" />
      {diff.settings.length ? <li data-testid="diff-settings">{t('options_diff_settings', diff.settings.join(', '))}</li> : null}
    </ul>
  );
}
