// The badge: a plain <replyclock-badge> host with an open shadow root. Not a registered custom element —
// `customElements` is null in content scripts. Everything inside is built with createElement and
// textContent; page text never becomes HTML.
import { BADGE_CSS } from './badge-styles.ts';
import { t } from './api.ts';

export const BADGE_TAG = 'replyclock-badge';
export type BadgeState = 'ok' | 'warning' | 'breached' | 'paused' | 'answered' | 'unknown';
export type BadgeAction = 'assign' | 'exclude' | 'snoozeHour' | 'snoozeTomorrow' | 'reopen';
export const BADGE_ACTIONS: readonly BadgeAction[] = ['assign', 'exclude', 'snoozeHour', 'snoozeTomorrow', 'reopen'];

export interface BadgeView {
  state: BadgeState;
  /** Visible words, e.g. "25 min left". */
  text: string;
  /** Tooltip lines: policy, target, due time. */
  tip: string[];
  /** Menu entries offered; all when omitted. */
  actions?: BadgeAction[];
}

// Glyphs every system font has (emoji-style clocks and ⏸ render as empty boxes on some systems).
const ICONS: Record<BadgeState, string> = {
  ok: '\u25CB', // ○ running
  warning: '\u25B2', // ▲
  breached: '!',
  paused: '\u2016', // ‖
  answered: '\u2713', // ✓
  unknown: '?',
};

const ACTION_KEYS: Record<BadgeAction, string> = {
  assign: 'act_assign',
  exclude: 'act_exclude',
  snoozeHour: 'act_snooze_hour',
  snoozeTomorrow: 'act_snooze_tomorrow',
  reopen: 'act_reopen',
};

interface Parts {
  button: HTMLButtonElement;
  icon: HTMLElement;
  sr: HTMLElement;
  text: HTMLElement;
  tip: HTMLElement;
  menu: HTMLElement;
  items: Map<BadgeAction, HTMLButtonElement>;
  last: string;
}
const parts = new WeakMap<Element, Parts>();

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  return e;
}

// The badge sits inside the tweet, whose own click and keyboard handlers would open the tweet or
// fire X's shortcuts (j/k/l): events from inside the badge stop at its host.
const CONTAINED = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress'];

export function createBadge(conversationId: string, messageId: string, onAction: (a: BadgeAction) => void): HTMLElement {
  const host = document.createElement(BADGE_TAG);
  host.dataset.conversation = conversationId;
  host.dataset.message = messageId;
  host.dataset.state = 'unknown';
  const root = host.attachShadow({ mode: 'open' });
  const style = el('style');
  style.textContent = BADGE_CSS;
  const button = el('button', 'b');
  button.type = 'button';
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-describedby', 'tip');
  const icon = el('span', 'i');
  icon.setAttribute('aria-hidden', 'true');
  const sr = el('span', 'sr');
  const text = el('span', 't');
  button.append(icon, sr, text);
  const tip = el('div', 'tip');
  tip.id = 'tip';
  tip.setAttribute('role', 'tooltip');
  const menu = el('div', 'menu');
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', t('menu_label'));
  menu.hidden = true;
  const items = new Map<BadgeAction, HTMLButtonElement>();
  for (const a of BADGE_ACTIONS) {
    const item = el('button');
    item.type = 'button';
    item.setAttribute('role', 'menuitem');
    item.tabIndex = -1;
    item.dataset.action = a;
    item.textContent = t(ACTION_KEYS[a]);
    item.addEventListener('click', () => {
      close(true);
      onAction(a);
    });
    items.set(a, item);
    menu.append(item);
  }
  root.append(style, button, tip, menu);

  const visibleItems = (): HTMLButtonElement[] => [...items.values()].filter((i) => !i.hidden);
  const outside = (e: Event): void => {
    if (!e.composedPath().includes(host)) close(false);
  };
  function open(): void {
    menu.hidden = false;
    host.setAttribute('data-menu-open', '');
    button.setAttribute('aria-expanded', 'true');
    visibleItems()[0]?.focus();
    document.addEventListener('pointerdown', outside, true);
  }
  function close(refocus: boolean): void {
    if (menu.hidden) return;
    menu.hidden = true;
    host.removeAttribute('data-menu-open');
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', outside, true);
    if (refocus) button.focus();
  }
  button.addEventListener('click', () => (menu.hidden ? open() : close(true)));
  menu.addEventListener('keydown', (e) => {
    const list = visibleItems();
    const i = list.indexOf(root.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') close(false);
    else if (e.key === 'ArrowDown') list[(i + 1) % list.length]?.focus();
    else if (e.key === 'ArrowUp') list[(i - 1 + list.length) % list.length]?.focus();
    else if (e.key === 'Home') list[0]?.focus();
    else if (e.key === 'End') list[list.length - 1]?.focus();
    else return;
    e.preventDefault();
  });
  button.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && menu.hidden) {
      e.preventDefault();
      open();
    } else if (e.key === 'Escape') close(true);
  });
  for (const type of CONTAINED) host.addEventListener(type, (e) => e.stopPropagation());

  parts.set(host, { button, icon, sr, text, tip, menu, items, last: '' });
  return host;
}

/** Updates the badge; touches the DOM only when something visible changed (runs every second). */
export function renderBadge(host: Element, view: BadgeView): void {
  const p = parts.get(host);
  if (!p) return;
  const actions = view.actions ?? BADGE_ACTIONS;
  const key = `${view.state}|${view.text}|${view.tip.join('\n')}|${actions.join()}`;
  if (key === p.last) return;
  p.last = key;
  (host as HTMLElement).dataset.state = view.state;
  p.icon.textContent = ICONS[view.state];
  p.sr.textContent = `${t(`state_${view.state}`)}: `;
  p.text.textContent = view.text;
  p.tip.replaceChildren(
    ...view.tip.map((line) => {
      const d = el('div');
      d.textContent = line;
      return d;
    }),
  );
  for (const [a, item] of p.items) item.hidden = !actions.includes(a);
}

/** For tests and the runtime: the shadow parts of a badge. */
export function badgeParts(host: Element): { button: HTMLButtonElement; text: HTMLElement; tip: HTMLElement; menu: HTMLElement } | undefined {
  return parts.get(host);
}
