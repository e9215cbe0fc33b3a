// The opening intervals of one day (or one exception date): start–end text fields, several per day, with
// "→ next day" shown for an interval that runs past midnight. Times are typed as text so "25:00" reaches the
// validator and is reported at this row, instead of a time picker silently refusing it.
import type { WallInterval } from '../../core/types.ts';
import { t } from '../../shared/i18n.ts';
import { isOvernight, nextInterval } from './draft.ts';
import { FieldErrors, useInvalid } from './fields.tsx';

export interface IntervalListProps {
  /** Path of the list, e.g. "schedules[0].week.mon". */
  path: string;
  /** Who the intervals belong to, for labels ("Monday", "24 Dec"). */
  label: string;
  list: readonly WallInterval[];
  onChange: (list: WallInterval[]) => void;
}

function Row({ path, label, iv, n, onSet, onRemove }: { path: string; label: string; iv: WallInterval; n: number; onSet: (iv: WallInterval) => void; onRemove: () => void }) {
  const invalid = useInvalid(path);
  return (
    <li class="interval" data-testid="interval" data-path={path}>
      <input
        type="text"
        size={5}
        placeholder="09:00"
        value={iv[0]}
        aria-label={t('options_interval_start', [label, String(n)])}
        data-testid="interval-start"
        {...invalid}
        onInput={(e) => onSet([e.currentTarget.value.trim(), iv[1]])}
      />
      <span aria-hidden="true">–</span>
      <input
        type="text"
        size={5}
        placeholder="17:00"
        value={iv[1]}
        aria-label={t('options_interval_end', [label, String(n)])}
        data-testid="interval-end"
        {...invalid}
        onInput={(e) => onSet([iv[0], e.currentTarget.value.trim()])}
      />
      {isOvernight(iv) ? (
        <span class="overnight" data-testid="overnight">
          {t('options_interval_next_day')}
        </span>
      ) : null}
      <button type="button" class="icon" aria-label={t('options_interval_remove', [label, String(n)])} data-testid="interval-remove" onClick={onRemove}>
        ×
      </button>
      <FieldErrors path={path} />
    </li>
  );
}

export function IntervalList({ path, label, list, onChange }: IntervalListProps) {
  return (
    <div class="intervals">
      {list.length === 0 ? <span class="muted closed">{t('options_day_closed')}</span> : null}
      <ul>
        {list.map((iv, j) => (
          <Row
            key={j}
            path={`${path}[${j}]`}
            label={label}
            iv={iv}
            n={j + 1}
            onSet={(next) => onChange(list.map((x, k) => (k === j ? next : x)))}
            onRemove={() => onChange(list.filter((_, k) => k !== j))}
          />
        ))}
      </ul>
      <button type="button" class="small" data-testid="interval-add" aria-label={t('options_interval_add_for', label)} onClick={() => onChange([...list, nextInterval(list)])}>
        {t('options_interval_add')}
      </button>
      <FieldErrors path={path} />
    </div>
  );
}
