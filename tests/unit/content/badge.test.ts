// @vitest-environment happy-dom
// The badge's cheap construction must not cost behaviour: events stay inside it, the tooltip shows the current
// lines as text, and re-rendering the same view changes nothing.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/content/api.ts', () => import('./fake-browser.ts'));
import { badgeParts, createBadge, renderBadge } from '../../../src/content/badge.ts';

function mounted(): { host: HTMLElement; article: HTMLElement } {
  const article = document.createElement('article');
  const host = createBadge('x:1', 'x:1', () => undefined, () => null, null);
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

  it('is made showing its look (no render needed), and badges of one look stay independent', () => {
    const view = { state: 'warning' as const, text: '5 min left', tip: () => [] };
    const a = createBadge('x:1', 'x:1', () => undefined, () => null, view);
    const b = createBadge('x:2', 'x:2', () => undefined, () => null, view);
    for (const host of [a, b]) {
      expect(host.hidden).toBe(false);
      expect(host.dataset.state).toBe('warning');
      expect(badgeParts(host)!.button.textContent).toBe('\u25B2At risk: 5 min left');
    }
    expect(b.dataset.conversation).toBe('x:2');
    renderBadge(a, { state: 'breached', text: 'Overdue by 1 min', tip: () => [] });
    expect(badgeParts(a)!.button.textContent).toBe('!Breached: Overdue by 1 min');
    expect(badgeParts(b)!.button.textContent).toBe('\u25B2At risk: 5 min left');
    // The look's prototype is made from the second badge of the look: what happens to that badge later is not copied.
    renderBadge(b, { state: 'answered', text: 'Answered in 2 min', tip: () => [] });
    // A later badge of the look is not touched by what happened to the earlier ones.
    const c = createBadge('x:3', 'x:3', () => undefined, () => null, view);
    expect(badgeParts(c)!.button.textContent).toBe('\u25B2At risk: 5 min left');
    expect([c.dataset.state, c.dataset.conversation, c.dataset.message]).toEqual(['warning', 'x:3', 'x:3']);
    // Nothing to measure yet: made hidden.
    expect(createBadge('x:4', 'x:4', () => undefined, () => null, null).hidden).toBe(true);
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
