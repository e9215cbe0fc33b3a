// The localhost demo page (demo/index.html, `npm start` only). Active only in the demo build, so store
// builds never read localhost pages. DOM contract:
// <main id="demo-inbox"><article class="demo-msg" data-rc-id data-role="customer|brand" data-thread>
//   <header><span class="demo-author" data-handle>Name</span> <time datetime></time></header>
//   <p class="demo-text">…</p></article></main>
import type { SiteContext, SiteDefinition } from '../site.ts';
import { isDemoUrl } from '../site-urls.ts';

const MSG = 'main#demo-inbox article.demo-msg';
const ID = /^[\w.:-]{1,100}$/;

export interface DemoMessage {
  id: string;
  thread: string;
  role: 'customer' | 'brand';
  handle: string;
  name: string;
  at: number | null;
  text: string;
  time: Element | null;
}

export function readDemo(el: Element): DemoMessage | null {
  const id = el.getAttribute('data-rc-id') ?? '';
  const thread = el.getAttribute('data-thread') ?? id;
  const role = el.getAttribute('data-role');
  if (!ID.test(id) || !ID.test(thread) || (role !== 'customer' && role !== 'brand')) return null;
  const author = el.querySelector('.demo-author');
  const time = el.querySelector('header time[datetime]');
  const at = Date.parse(time?.getAttribute('datetime') ?? '');
  return {
    id,
    thread,
    role,
    handle: author?.getAttribute('data-handle') ?? '',
    name: (author?.textContent ?? '').trim(),
    at: Number.isFinite(at) ? at : null,
    text: (el.querySelector('.demo-text')?.textContent ?? '').trim(),
    time,
  };
}

function init(ctx: SiteContext): void {
  let found = 0;
  ctx.observe(MSG, (el) => {
    const m = readDemo(el);
    if (!m) return ctx.health('mismatch', 'demo message without data-rc-id/data-role');
    found++;
    const msgId = `demo:${m.id}`;
    const customer = m.role === 'customer';
    ctx.track(
      {
        id: `demo:${m.thread}`,
        platform: 'demo',
        channel: 'public',
        url: `${ctx.url.origin}${ctx.url.pathname}#${m.thread}`,
        customer: customer ? { ...(m.handle ? { handle: m.handle } : {}), ...(m.name ? { name: m.name } : {}) } : {},
        messages: [
          {
            id: msgId,
            role: m.role,
            at: m.at,
            firstSeenAt: ctx.firstSeen(msgId),
            precisionMs: 0,
            ...(m.handle ? { author: m.handle } : {}),
            ...(customer && m.text ? { text: m.text.slice(0, 500) } : {}),
          },
        ],
      },
      customer ? (m.time?.parentElement ? { parent: m.time.parentElement, after: m.time, messageId: msgId } : { parent: el, after: null, messageId: msgId }) : null,
    );
  });
  ctx.later(3000, () => ctx.health(found ? 'ok' : 'empty'));
}

export const demoSite: SiteDefinition = {
  id: 'demo',
  matches: isDemoUrl,
  init,
};
