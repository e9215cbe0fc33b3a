// Opening hours: the schedules list and, per schedule, id/name, time zone, the week grid, holidays (once or
// every year, or imported from an .ics calendar) and exception days.
import { useState } from 'preact/hooks';
import { WEEKDAYS, type DateException, type OpeningHours, type Weekday } from '../../core/types.ts';
import { parseIcsHolidays, type IcsImport } from '../../core/ics.ts';
import { t, uiLanguage } from '../../shared/i18n.ts';
import { addHolidays, newSchedule, removeSchedule, renameSchedule, yearly, type Draft } from './draft.ts';
import { FieldErrors, useInvalid } from './fields.tsx';
import { IntervalList } from './IntervalList.tsx';
import { browserTimeZone, TimeZoneInput } from './TimeZoneInput.tsx';

export type Update = (edit: (d: Draft) => void) => void;

/** Weekday names in the UI language (5 January 2026 is a Monday). */
export function dayName(day: Weekday, lang: string = uiLanguage()): string {
  const date = new Date(Date.UTC(2026, 0, 5 + WEEKDAYS.indexOf(day)));
  try {
    return new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return day;
  }
}

function TextField({ path, label, value, onInput, testid }: { path: string; label: string; value: string; onInput: (v: string) => void; testid?: string }) {
  const invalid = useInvalid(path);
  return (
    <div class="field">
      <label>
        <span>{label}</span>
        <input type="text" value={value} data-testid={testid} {...invalid} onInput={(e) => onInput(e.currentTarget.value)} />
      </label>
      <FieldErrors path={path} />
    </div>
  );
}

function WeekGrid({ s, base, update }: { s: OpeningHours; base: string; update: (edit: (sch: OpeningHours) => void) => void }) {
  return (
    <div class="week" role="group" aria-label={t('options_schedule_week')}>
      {WEEKDAYS.map((day) => {
        const name = dayName(day);
        return (
          <div class="day-row" key={day} data-day={day} data-testid={`day-${day}`}>
            <span class="day-name">{name}</span>
            <IntervalList
              path={`${base}.week.${day}`}
              label={name}
              list={s.week[day] ?? []}
              onChange={(list) =>
                update((sch) => {
                  // A missing weekday means closed, so an emptied day is left out rather than stored as [].
                  if (list.length) sch.week[day] = list;
                  else delete sch.week[day];
                })
              }
            />
          </div>
        );
      })}
    </div>
  );
}

function Holidays({ s, base, update }: { s: OpeningHours; base: string; update: (edit: (sch: OpeningHours) => void) => void }) {
  const [date, setDate] = useState('');
  const [every, setEvery] = useState(false);
  const [ics, setIcs] = useState<(IcsImport & { added: number; name: string }) | { failed: string } | null>(null);
  const holidays = s.holidays ?? [];

  const add = (): void => {
    if (!date) return;
    const value = every ? yearly(date) : date;
    update((sch) => void addHolidays(sch, [value]));
    setDate('');
  };

  const importIcs = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const parsed = parseIcsHolidays(await file.text());
      let added = 0;
      update((sch) => {
        added = addHolidays(sch, parsed.holidays);
      });
      setIcs({ ...parsed, added, name: file.name });
    } catch (err) {
      setIcs({ failed: String((err as Error)?.message ?? err) });
    }
  };

  return (
    <div class="holidays" role="group" aria-labelledby={`${base}-holidays`}>
      <h4 id={`${base}-holidays`}>{t('options_holidays')}</h4>
      <p class="muted">{t('options_holidays_help')}</p>
      <ul class="chips" data-testid="holidays">
        {holidays.map((h, j) => (
          <li key={h + j} class="chip" data-testid="holiday" data-path={`${base}.holidays[${j}]`}>
            <span>{h.startsWith('--') ? t('options_holiday_yearly', h.slice(2)) : h}</span>
            <button type="button" class="icon" aria-label={t('options_holiday_remove', h)} onClick={() => update((sch) => void sch.holidays?.splice(j, 1))}>
              ×
            </button>
            <FieldErrors path={`${base}.holidays[${j}]`} />
          </li>
        ))}
      </ul>
      <FieldErrors path={`${base}.holidays`} />
      <div class="row">
        <label class="field">
          <span>{t('options_holiday_date')}</span>
          <input type="date" value={date} data-testid="holiday-date" onInput={(e) => setDate(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
        </label>
        <label class="check">
          <input type="checkbox" checked={every} onChange={(e) => setEvery(e.currentTarget.checked)} data-testid="holiday-yearly" />
          {t('options_holiday_every_year')}
        </label>
        <button type="button" onClick={add} disabled={!date} data-testid="holiday-add">
          {t('options_holiday_add')}
        </button>
      </div>
      <label class="field file">
        <span>{t('options_holidays_ics')}</span>
        <input type="file" accept=".ics,text/calendar" data-testid="holidays-ics" onChange={(e) => void importIcs(e.currentTarget)} />
      </label>
      {ics ? (
        <div role="status" data-testid="ics-result">
          {'failed' in ics ? (
            <p class="refused">{t('options_ics_failed', ics.failed)}</p>
          ) : (
            <>
              <p>{t('options_ics_added', [String(ics.added), ics.name])}</p>
              {ics.skipped.length ? (
                <>
                  <p>{t('options_ics_skipped', String(ics.skipped.length))}</p>
                  <ul data-testid="ics-skipped">
                    {ics.skipped.map((x, i) => (
                      <li key={i}>
                        {x.summary || '—'}: {x.reason}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function Exceptions({ s, base, update }: { s: OpeningHours; base: string; update: (edit: (sch: OpeningHours) => void) => void }) {
  const list = s.exceptions ?? [];
  const set = (j: number, edit: (ex: DateException) => void): void =>
    update((sch) => {
      const ex = sch.exceptions?.[j];
      if (ex) edit(ex);
    });
  return (
    <div class="exceptions" role="group" aria-labelledby={`${base}-exceptions`}>
      <h4 id={`${base}-exceptions`}>{t('options_exceptions')}</h4>
      <p class="muted">{t('options_exceptions_help')}</p>
      {list.map((ex, j) => {
        const p = `${base}.exceptions[${j}]`;
        const closed = ex.hours.length === 0;
        return (
          <div class="exception panel" key={j} data-testid="exception" data-path={p}>
            <ExceptionDate path={`${p}.date`} value={ex.date} onInput={(v) => set(j, (x) => (x.date = v))} />
            <label class="check">
              <input type="checkbox" checked={closed} data-testid="exception-closed" onChange={(e) => set(j, (x) => (x.hours = e.currentTarget.checked ? [] : [['09:00', '17:00']]))} />
              {t('options_exception_closed')}
            </label>
            {closed ? null : <IntervalList path={`${p}.hours`} label={ex.date || t('options_exception')} list={ex.hours} onChange={(hours) => set(j, (x) => (x.hours = hours))} />}
            <label class="field">
              <span>{t('options_exception_note')}</span>
              <input type="text" value={ex.note ?? ''} onInput={(e) => set(j, (x) => (e.currentTarget.value ? (x.note = e.currentTarget.value) : delete x.note))} />
            </label>
            <FieldErrors path={`${p}.note`} />
            <FieldErrors path={p} />
            <button type="button" class="small" onClick={() => update((sch) => void sch.exceptions?.splice(j, 1))}>
              {t('options_exception_remove')}
            </button>
          </div>
        );
      })}
      <FieldErrors path={`${base}.exceptions`} />
      <button type="button" data-testid="exception-add" onClick={() => update((sch) => void (sch.exceptions = [...(sch.exceptions ?? []), { date: today(), hours: [] }]))}>
        {t('options_exception_add')}
      </button>
    </div>
  );
}

function ExceptionDate({ path, value, onInput }: { path: string; value: string; onInput: (v: string) => void }) {
  const invalid = useInvalid(path);
  return (
    <div class="field">
      <label>
        <span>{t('options_exception_date')}</span>
        <input type="date" value={value} data-testid="exception-date" {...invalid} onInput={(e) => onInput(e.currentTarget.value)} />
      </label>
      <FieldErrors path={path} />
    </div>
  );
}

function ScheduleEditor({ s, index, draft, update }: { s: OpeningHours; index: number; draft: Draft; update: Update }) {
  const base = `schedules[${index}]`;
  const edit = (fn: (sch: OpeningHours) => void): void =>
    update((d) => {
      const sch = d.schedules[index];
      if (sch) fn(sch);
    });
  const users = draft.policies.filter((p) => p.schedule === s.id).length;
  return (
    <article class="schedule panel" data-testid={`schedule-${index}`} aria-label={s.name || s.id}>
      <div class="row">
        <TextField path={`${base}.id`} label={t('options_schedule_id')} value={s.id} testid="schedule-id" onInput={(v) => update((d) => renameSchedule(d, index, v.trim()))} />
        <TextField path={`${base}.name`} label={t('options_schedule_name')} value={s.name ?? ''} testid="schedule-name" onInput={(v) => edit((sch) => (v ? (sch.name = v) : delete sch.name))} />
        <TimeZoneInput path={`${base}.timeZone`} value={s.timeZone} onChange={(z) => edit((sch) => (sch.timeZone = z))} />
      </div>
      <FieldErrors path={base} />
      <WeekGrid s={s} base={base} update={edit} />
      <FieldErrors path={`${base}.week`} />
      <Holidays s={s} base={base} update={edit} />
      <Exceptions s={s} base={base} update={edit} />
      <button type="button" class="danger small" data-testid="schedule-remove" onClick={() => update((d) => removeSchedule(d, index))}>
        {users ? t('options_schedule_remove_used', String(users)) : t('options_schedule_remove')}
      </button>
    </article>
  );
}

export function HoursEditor({ draft, update }: { draft: Draft; update: Update }) {
  return (
    <div data-testid="hours-editor">
      {draft.schedules.length === 0 ? <p class="muted">{t('options_schedules_none')}</p> : null}
      {draft.schedules.map((s, i) => (
        <ScheduleEditor key={i} s={s} index={i} draft={draft} update={update} />
      ))}
      <FieldErrors path="schedules" />
      <button type="button" data-testid="schedule-add" onClick={() => update((d) => void d.schedules.push(newSchedule(d.schedules.map((s) => s.id), browserTimeZone())))}>
        {t('options_schedule_add')}
      </button>
    </div>
  );
}
