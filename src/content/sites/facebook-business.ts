// Meta Business Suite inbox (business.facebook.com/latest/inbox). Everything here is one Page's inbox (the URL's
// asset_id: a Page the team did not configure is skipped), so no per-row brand check is needed: a row whose preview
// starts "You:" / "Du:" / "Jij:" was answered by the Page last, any other row waits for it. Conversation `facebook:bs:<id>`, the id from the row's link
// (selected_item_id=…) or data attribute, or — for the open thread's row — the URL's selected_item_id.
// Comment threads (thread_type …COMMENT) are 'public', messages 'dm'. Selectors: FB_BUSINESS (classes only).
import { parseFbTime } from '../../core/fbtime.ts';
import { localWallClock } from '../../core/wall-clock.ts';
import type { LazySite, SiteContext } from '../site.ts';
import { brandsFrom } from './facebook-brand.ts';
import { HEALTH_GRACE_MS, steadyTime, textKey } from './facebook-read.ts';
import { any, first, FB_BUSINESS, OWN_PREVIEW } from './facebook-selectors.ts';

export interface BusinessRow {
  id: string;
  name: string;
  last: string;
  fromPage: boolean;
  time: string;
  channel: 'dm' | 'public';
}

const ITEM = /[?&]selected_item_id=(\d{1,25})/;
const TYPE = /[?&]thread_type=([A-Z_]{1,40})/;

/** Reads one inbox row; null when its id cannot be found (then it gets no badge rather than a made-up id). */
export function readBusinessRow(row: Element, url: URL): BusinessRow | null {
  const link = first(row, FB_BUSINESS, 'rowLink') ?? (row.matches(any(FB_BUSINESS, 'rowLink')) ? row : null);
  const href = link?.getAttribute('href') ?? '';
  let id = ITEM.exec(href)?.[1] ?? link?.getAttribute('data-item-id') ?? link?.getAttribute('data-thread-id') ?? null;
  let type = TYPE.exec(href)?.[1] ?? null;
  const selected = row.matches(any(FB_BUSINESS, 'selected')) || first(row, FB_BUSINESS, 'selected') !== null;
  if (!id && selected) {
    id = url.searchParams.get('selected_item_id');
    type ??= url.searchParams.get('thread_type');
  }
  if (!id || !/^[\w.-]{1,64}$/.test(id)) return null;
  const preview = (first(row, FB_BUSINESS, 'preview')?.textContent ?? '').trim();
  if (!preview) return null;
  const fromPage = OWN_PREVIEW.test(preview);
  return {
    id,
    name: (first(row, FB_BUSINESS, 'name')?.textContent ?? '').trim(),
    last: preview.replace(OWN_PREVIEW, '').trim(),
    fromPage,
    time: (first(row, FB_BUSINESS, 'time')?.textContent ?? '').trim(),
    channel: type && /COMMENT/.test(type) ? 'public' : 'dm',
  };
}

const ASSET = /[?&]asset_id=(\d{1,25})/;

function initBusiness(ctx: SiteContext): void {
  // An agency's agents switch between the inboxes of several clients' Pages: only the team's Pages count. The URL's
  // asset_id is the Page's id, checked when the team configured Page ids (a Page's vanity name or display name
  // cannot be compared with it, so then every inbox counts).
  const ids = brandsFrom(ctx.config.brands.facebook).ids;
  const asset = ASSET.exec(ctx.url.search)?.[1];
  if (ids.size && asset && !ids.has(asset)) return ctx.later(HEALTH_GRACE_MS, () => ctx.health('empty', `the inbox of a Page not in brands.facebook (${asset})`));
  let rows = 0;
  let unreadable = 0;
  ctx.observe(any(FB_BUSINESS, 'row'), (row) => {
    const r = readBusinessRow(row, ctx.url);
    if (!r) {
      unreadable++;
      return;
    }
    rows++;
    const id = `facebook:bs:${r.id}`;
    const msgId = `${id}:${textKey(r.last)}`;
    const time = steadyTime(msgId, r.time ? parseFbTime(r.time, Date.now(), localWallClock) : null);
    const inbox = new URL(ctx.url.href);
    inbox.searchParams.set('selected_item_id', r.id);
    ctx.track(
      {
        id,
        platform: 'facebook',
        channel: r.channel,
        url: inbox.href,
        customer: r.name ? { name: r.name.slice(0, 200) } : {},
        messages: [
          {
            id: msgId,
            role: r.fromPage ? 'brand' : 'customer',
            at: time?.at ?? null,
            firstSeenAt: ctx.firstSeen(msgId),
            precisionMs: time?.precisionMs ?? 0,
            ...(r.fromPage ? {} : { ...(r.name ? { author: r.name.slice(0, 200) } : {}), text: r.last.slice(0, 500) }),
          },
        ],
      },
      r.fromPage ? null : { parent: row, after: null, messageId: msgId },
    );
    ctx.health('ok');
  });
  ctx.later(HEALTH_GRACE_MS, () => {
    if (rows > 0) return;
    if (unreadable > 0) ctx.health('mismatch', 'inbox rows found but no thread id or preview matched');
    else if (first(document, FB_BUSINESS, 'thread') || first(document, FB_BUSINESS, 'inbox')) ctx.health('mismatch', 'inbox shown but no thread row matched');
    else ctx.health('empty', 'inbox not loaded');
  });
}

// Loaded by the registry (registry.ts), whose entry holds the URL test (isFacebookBusinessUrl).
export const facebookBusinessSite: LazySite = { init: initBusiness };
