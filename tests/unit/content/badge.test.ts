// @vitest-environment happy-dom
// The badge's cheap construction must not cost behaviour: events stay inside it, the tooltip shows the current
// lines as text, and re-rendering the same view changes nothing.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/content/api.ts', () => import('./fake-browser.ts'));
import { badgeParts, createBadge, renderBadge } from '../../../src/content/badge.ts';

function mounted(): { host: HTMLElement; article: HTMLElement } {
  const article = document.createElement('article');
  const host = createBadge('x:1', 'x:1', () => undefined);
  article.append(host);
  document.body.append(article);
  return { host, article };
}

describe('badge', () => {
  it('keeps pointer and key events from the tweet once the pointer reaches the badge', () => {
    const { host, article } = mounted();
    const seen: string[] = [];
    for (const type of ['click', 'pointerdown', 'mousedown', 'keydown', 'keyup']) article.addEventListener(type, () => seen.push(type));
    const button = badgeParts(host)!.button;
    button.dispatchEvent(new Event('pointerover', { bubbles: true, composed: true }));
    for (const type of ['pointerdown', 'mousedown', 'keyup']) button.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    button.click();
    expect(seen).toEqual([]);
  });

  it('writes tooltip lines as text and shows the latest view', () => {
    const { host } = mounted();
    renderBadge(host, { state: 'ok', text: '5 min left', tip: () => ['Policy: <b>x</b>', 'Due 10:00'] });
    renderBadge(host, { state: 'breached', text: 'Overdue by 1 min', tip: () => ['Policy: <b>x</b>'] });
    const p = badgeParts(host)!;
    expect(host.dataset.state).toBe('breached');
    expect(p.text.textContent).toBe('Overdue by 1 min');
    expect([...p.tip.children].map((d) => d.textContent)).toEqual(['Policy: <b>x</b>']);
    expect(p.tip.querySelector('b')).toBeNull();
    expect(p.button.textContent).toContain('Breached: ');
  });

  it('fills the tooltip when the pointer arrives, and keeps it current afterwards', () => {
    const { host } = mounted();
    renderBadge(host, { state: 'ok', text: '5 min left', tip: () => ['first'] });
    host.dispatchEvent(new Event('pointerover', { bubbles: true, composed: true }));
    const tip = host.shadowRoot!.querySelector('.tip')!;
    expect(tip.textContent).toBe('first');
    renderBadge(host, { state: 'ok', text: '4 min left', tip: () => ['second'] });
    expect(tip.textContent).toBe('second');
  });
});
