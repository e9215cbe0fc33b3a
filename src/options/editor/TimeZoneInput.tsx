// Time zone picker: a text field with the browser's list of IANA zones as suggestions, so typing "amst" finds
// Europe/Amsterdam and the keyboard works as in any text field. An unknown name is reported by validation.
import { useMemo } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { FieldErrors, useInvalid } from './fields.tsx';

export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  let zones: string[] = [];
  try {
    zones = intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    zones = [];
  }
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function TimeZoneInput({ path, value, onChange }: { path: string; value: string; onChange: (zone: string) => void }) {
  const zones = useMemo(timeZones, []);
  const listId = 'rc-time-zones';
  const invalid = useInvalid(path);
  return (
    <div class="field">
      <label>
        <span>{t('options_schedule_zone')}</span>
        <input type="text" list={listId} value={value} data-testid="schedule-zone" autoComplete="off" {...invalid} onInput={(e) => onChange(e.currentTarget.value.trim())} />
      </label>
      {/* One shared list is enough; browsers show only the entries matching what was typed. */}
      <datalist id={listId}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <FieldErrors path={path} />
    </div>
  );
}
