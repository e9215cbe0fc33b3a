// SLA policies in the order they are tried (the first match wins): name, schedule or calendar time, what they
// match, targets in minutes, the warning point and which targets count calendar time.
import { useEffect, useState } from 'preact/hooks';
import { CHANNELS, type Policy, type PolicyMatch, type TargetKind } from '../../core/types.ts';
import { t } from '../../shared/i18n.ts';
import { channelLabel } from '../../ui/labels.ts';
import { addPolicy, listFromText, movePolicy, setOrDelete, type Draft } from './draft.ts';
import { FieldErrors, useInvalid } from './fields.tsx';
import type { Update } from './HoursEditor.tsx';
import { NumberInput } from './NumberInput.tsx';

const TARGETS: { kind: TargetKind; key: 'firstResponseMinutes' | 'nextResponseMinutes' | 'resolutionMinutes' }[] = [
  { kind: 'firstResponse', key: 'firstResponseMinutes' },
  { kind: 'nextResponse', key: 'nextResponseMinutes' },
  { kind: 'resolution', key: 'resolutionMinutes' },
];

/** A list typed as text (comma- or line-separated); the text stays as typed while the draft holds the list. */
function ListInput({ path, label, value, multiline, onValue, testid, help }: { path: string; label: string; value: string[] | undefined; multiline?: boolean; onValue: (v: string[] | undefined) => void; testid?: string; help?: string }) {
  const sep = multiline ? /\n/ : /,/;
  const join = (v: string[] | undefined): string => (v ?? []).join(multiline ? '\n' : ', ');
  const [text, setText] = useState(() => join(value));
  useEffect(() => {
    if (JSON.stringify(listFromText(text, sep)) !== JSON.stringify(value)) setText(join(value));
  }, [value]);
  const invalid = useInvalid(path);
  const onInput = (next: string): void => {
    setText(next);
    onValue(listFromText(next, sep));
  };
  return (
    <div class="field">
      <label>
        <span>{label}</span>
        {multiline ? (
          <textarea rows={3} value={text} data-testid={testid} {...invalid} onInput={(e) => onInput(e.currentTarget.value)} />
        ) : (
          <input type="text" value={text} data-testid={testid} {...invalid} onInput={(e) => onInput(e.currentTarget.value)} />
        )}
      </label>
      {help ? <span class="muted small">{help}</span> : null}
      <FieldErrors path={path} />
    </div>
  );
}

function PolicyCard({ p, index, count, draft, update }: { p: Policy; index: number; count: number; draft: Draft; update: Update }) {
  const base = `policies[${index}]`;
  const edit = (fn: (pol: Policy) => void): void =>
    update((d) => {
      const pol = d.policies[index];
      if (pol) fn(pol);
    });
  const setMatch = <K extends keyof PolicyMatch>(key: K, value: PolicyMatch[K] | undefined): void => edit((pol) => setOrDelete(pol.match, key, value));
  const scheduleIds = draft.schedules.map((s) => s.id);
  // A reference to a missing schedule (a typo in an imported file) stays visible, so the error beside it makes sense.
  const options = p.schedule !== null && !scheduleIds.includes(p.schedule) ? [...scheduleIds, p.schedule] : scheduleIds;
  const title = p.name || p.id;
  const idInvalid = useInvalid(`${base}.id`);
  const nameInvalid = useInvalid(`${base}.name`);
  const scheduleInvalid = useInvalid(`${base}.schedule`);
  const channels = p.match.channels ?? [];
  const calendar = p.calendarTargets ?? [];
  return (
    <li class="policy panel" data-testid={`policy-${index}`} data-policy-id={p.id} aria-label={t('options_policy_label', [String(index + 1), title])}>
      <div class="policy-head">
        <strong>
          {index + 1}. {title}
        </strong>
        <span class="actions">
          <button type="button" class="small" disabled={index === 0} aria-label={t('options_policy_up', title)} data-testid="policy-up" onClick={() => update((d) => movePolicy(d, index, -1))}>
            ↑
          </button>
          <button type="button" class="small" disabled={index === count - 1} aria-label={t('options_policy_down', title)} data-testid="policy-down" onClick={() => update((d) => movePolicy(d, index, 1))}>
            ↓
          </button>
          <button type="button" class="small danger" aria-label={t('options_policy_remove', title)} data-testid="policy-remove" onClick={() => update((d) => void d.policies.splice(index, 1))}>
            {t('options_remove')}
          </button>
        </span>
      </div>
      <FieldErrors path={base} />
      <div class="row">
        <div class="field">
          <label>
            <span>{t('options_policy_id')}</span>
            <input type="text" value={p.id} data-testid="policy-id" {...idInvalid} onInput={(e) => edit((pol) => (pol.id = e.currentTarget.value.trim()))} />
          </label>
          <FieldErrors path={`${base}.id`} />
        </div>
        <div class="field">
          <label>
            <span>{t('options_policy_name')}</span>
            <input type="text" value={p.name ?? ''} data-testid="policy-name" {...nameInvalid} onInput={(e) => edit((pol) => setOrDelete(pol, 'name', e.currentTarget.value || undefined))} />
          </label>
          <FieldErrors path={`${base}.name`} />
        </div>
        <div class="field">
          <label>
            <span>{t('options_policy_schedule')}</span>
            <select value={p.schedule ?? ''} data-testid="policy-schedule" {...scheduleInvalid} onChange={(e) => edit((pol) => (pol.schedule = e.currentTarget.value || null))}>
              {options.map((id) => (
                <option key={id} value={id}>
                  {draft.schedules.find((s) => s.id === id)?.name ?? id}
                </option>
              ))}
              <option value="">{t('options_policy_calendar')}</option>
            </select>
          </label>
          <FieldErrors path={`${base}.schedule`} />
        </div>
      </div>

      <fieldset class="match">
        <legend>{t('options_policy_match')}</legend>
        <p class="muted small">{t('options_policy_match_help')}</p>
        <ListInput path={`${base}.match.platforms`} label={t('options_policy_platforms')} value={p.match.platforms} testid="policy-platforms" onValue={(v) => setMatch('platforms', v)} help={t('options_policy_platforms_help')} />
        <div class="field" role="group" aria-label={t('options_policy_channels')}>
          <span>{t('options_policy_channels')}</span>
          <span class="checks">
            {CHANNELS.map((ch) => (
              <label class="check" key={ch}>
                <input
                  type="checkbox"
                  checked={channels.includes(ch)}
                  data-testid={`policy-channel-${ch}`}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    const next = CHANNELS.filter((c) => (c === ch ? on : channels.includes(c)));
                    setMatch('channels', next.length ? next : undefined);
                  }}
                />
                {channelLabel(ch)}
              </label>
            ))}
          </span>
          <FieldErrors path={`${base}.match.channels`} />
        </div>
        <ListInput path={`${base}.match.topics`} label={t('options_policy_topics')} value={p.match.topics} multiline testid="policy-topics" onValue={(v) => setMatch('topics', v)} help={t('options_policy_topics_help')} />
        <ListInput path={`${base}.match.priorities`} label={t('options_policy_priorities')} value={p.match.priorities} testid="policy-priorities" onValue={(v) => setMatch('priorities', v)} />
        <FieldErrors path={`${base}.match`} />
      </fieldset>

      <fieldset class="targets">
        <legend>{t('options_policy_targets')}</legend>
        <div class="row">
          {TARGETS.map(({ kind, key }) => (
            <div key={key}>
              <NumberInput path={`${base}.${key}`} label={t(`options_target_${kind}`)} value={p[key]} testid={`policy-${kind}`} onValue={(v) => edit((pol) => setOrDelete(pol, key, v as number | undefined))} />
              <FieldErrors path={`${base}.${key}`} />
            </div>
          ))}
          <div>
            <NumberInput path={`${base}.warnAt`} label={t('options_policy_warn')} value={p.warnAt} scale={100} placeholder="80" testid="policy-warn" onValue={(v) => edit((pol) => setOrDelete(pol, 'warnAt', v as number | undefined))} />
            <FieldErrors path={`${base}.warnAt`} />
          </div>
        </div>
        <div class="field" role="group" aria-label={t('options_policy_calendar_targets')}>
          <span>{t('options_policy_calendar_targets')}</span>
          <span class="checks">
            {TARGETS.map(({ kind }) => (
              <label class="check" key={kind}>
                <input
                  type="checkbox"
                  checked={calendar.includes(kind)}
                  data-testid={`policy-calendar-${kind}`}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    const next = TARGETS.map((x) => x.kind).filter((k) => (k === kind ? on : calendar.includes(k)));
                    edit((pol) => setOrDelete(pol, 'calendarTargets', next.length ? next : undefined));
                  }}
                />
                {t(`options_target_${kind}`)}
              </label>
            ))}
          </span>
          <FieldErrors path={`${base}.calendarTargets`} />
        </div>
      </fieldset>
    </li>
  );
}

export function PoliciesEditor({ draft, update }: { draft: Draft; update: Update }) {
  return (
    <div data-testid="policies-editor">
      <p class="muted">{t('options_policies_help')}</p>
      <ol class="policies">
        {draft.policies.map((p, i) => (
          <PolicyCard key={i} p={p} index={i} count={draft.policies.length} draft={draft} update={update} />
        ))}
      </ol>
      <FieldErrors path="policies" />
      <button type="button" data-testid="policy-add" onClick={() => update((d) => void addPolicy(d))}>
        {t('options_policy_add')}
      </button>
    </div>
  );
}
