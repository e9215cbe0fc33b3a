// The import preview as plain text lines: what a new team config adds, removes or changes
// (computed by previewConfigChange in src/shared/config-file.ts, the same preview every import path uses).
import { t } from '../../shared/i18n.ts';
import type { BrandChange, ConfigPreview, IdDiff } from '../../shared/config-file.ts';

function listLines(diff: IdDiff): string[] {
  const lines: string[] = [];
  if (diff.added.length) lines.push(t('options_diff_added', diff.added.join(', ')));
  if (diff.removed.length) lines.push(t('options_diff_removed', diff.removed.join(', ')));
  if (diff.changed.length) lines.push(t('options_diff_changed', diff.changed.join(', ')));
  return lines;
}

/** "x: added A, B" per platform, platforms in name order. */
function brandLines(changes: BrandChange[], key: 'options_diff_brand_added' | 'options_diff_brand_removed'): string[] {
  const byPlatform = new Map<string, string[]>();
  for (const c of changes) byPlatform.set(c.platform, [...(byPlatform.get(c.platform) ?? []), c.handle]);
  return [...byPlatform.keys()].sort().map((p) => t(key, [p, (byPlatform.get(p) ?? []).join(', ')]));
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

export function DiffView({ diff }: { diff: ConfigPreview }) {
  const brands = [...brandLines(diff.brands.added, 'options_diff_brand_added'), ...brandLines(diff.brands.removed, 'options_diff_brand_removed')];
  const policyLines = [...listLines(diff.policies), ...(diff.policies.reordered ? [t('options_diff_policy_order')] : [])];
  return (
    <ul class="diff" data-testid="import-config-preview">
      <Group title={t('options_diff_schedules')} lines={listLines(diff.schedules)} testid="diff-schedules" />
      <Group title={t('options_diff_policies')} lines={policyLines} testid="diff-policies" />
      <Group title={t('options_diff_brands')} lines={brands} testid="diff-brands" />
      <Group title={t('options_diff_sites')} lines={listLines(diff.sites)} testid="diff-sites" />
      {diff.other.length ? <li data-testid="diff-settings">{t('options_diff_settings', diff.other.join(', '))}</li> : null}
    </ul>
  );
}
