// The team's own accounts per platform, as chips: X handles, the Facebook Page, helpdesk agent names, plus any
// other platform the config already names. Replyclock needs them to tell a customer's message from a reply.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { platformLabel } from '../../ui/labels.ts';
import type { Draft } from './draft.ts';
import { FieldErrors, useInvalid } from './fields.tsx';
import type { Update } from './HoursEditor.tsx';

const MAIN = ['x', 'facebook', 'zendesk'] as const;

function brandPath(platform: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(platform) ? `brands.${platform}` : `brands[${JSON.stringify(platform)}]`;
}

function helpFor(platform: string): string {
  const key = `options_brands_help_${platform}`;
  const s = t(key);
  return s === key ? '' : s;
}

function PlatformBrands({ platform, handles, update }: { platform: string; handles: string[]; update: Update }) {
  const [text, setText] = useState('');
  const path = brandPath(platform);
  const invalid = useInvalid(path);
  const label = platformLabel(platform);
  const add = (): void => {
    const entries = text.split(/[,\s]+/).filter(Boolean);
    if (!entries.length) return;
    update((d) => void (d.brands[platform] = [...(d.brands[platform] ?? []), ...entries]));
    setText('');
  };
  return (
    <div class="brand-row field" data-testid={`brands-${platform}`}>
      <label for={`brand-input-${platform}`}>{label}</label>
      <ul class="chips">
        {handles.map((h, i) => (
          <li class="chip" key={h + i} data-testid="brand-chip">
            <span>{h}</span>
            <button
              type="button"
              class="icon"
              aria-label={t('options_brand_remove', [h, label])}
              onClick={() =>
                update((d) => {
                  const list = (d.brands[platform] ?? []).filter((_, k) => k !== i);
                  if (list.length) d.brands[platform] = list;
                  else delete d.brands[platform];
                })
              }
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div class="row">
        <input
          id={`brand-input-${platform}`}
          type="text"
          value={text}
          placeholder={platform === 'x' ? 'AcmeSupport' : ''}
          data-testid={`brand-input-${platform}`}
          {...invalid}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" data-testid={`brand-add-${platform}`} onClick={add} disabled={!text.trim()}>
          {t('options_brand_add')}
        </button>
      </div>
      {helpFor(platform) ? <span class="muted small">{helpFor(platform)}</span> : null}
      <FieldErrors path={path} />
    </div>
  );
}

export function BrandsEditor({ draft, update }: { draft: Draft; update: Update }) {
  const platforms = [...MAIN, ...Object.keys(draft.brands).filter((p) => !(MAIN as readonly string[]).includes(p)).sort()];
  return (
    <div data-testid="brands-editor">
      <p class="muted">{t('options_brands_help')}</p>
      {platforms.map((p) => (
        <PlatformBrands key={p} platform={p} handles={draft.brands[p] ?? []} update={update} />
      ))}
      <FieldErrors path="brands" />
    </div>
  );
}
