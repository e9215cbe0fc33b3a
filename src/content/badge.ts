// The badge: a plain <replyclock-badge> host with an open shadow root. Not a registered custom element —
// `customElements` is null in content scripts. Everything inside is built with createElement and
// textContent; page text never becomes HTML. The action menu (badge-menu.ts) loads on first open.
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

/** The mounted action menu (see badge-menu.ts). */
export interface BadgeMenu {
  el: HTMLElement;
  open(): void;
  close(refocus: boolean): void;
  /** Shows only these entries. */
  show(actions: readonly BadgeAction[]): void;
}

interface Parts {
  button: HTMLButtonElement;
  icon: HTMLElement;
  sr: HTMLElement;
  text: HTMLElement;
  tip: HTMLElement;
  menu: BadgeMenu | null;
  actions: readonly BadgeAction[];
  last: string;
}
const parts = new WeakMap<Element, Parts>();
// The menu chunk cannot load once the extension was reloaded; the orphaned badge is removed soon anyway.
const ignore = (): void => undefined;

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
  root.append(style, button, tip);

  // Loads and mounts the menu once; later calls resolve at once from the module cache.
  const menu = async (): Promise<BadgeMenu> => {
    const p = parts.get(host)!;
    if (!p.menu) {
      const { mountMenu } = await import('./badge-menu.ts');
      p.menu ??= mountMenu(root, host, button, onAction);
      p.menu.show(p.actions);
    }
    return p.menu;
  };
  button.addEventListener('click', () => {
    menu().then((m) => (m.el.hidden ? m.open() : m.close(true)), ignore);
  });
  button.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && button.getAttribute('aria-expanded') !== 'true') {
      e.preventDefault();
      menu().then((m) => m.open(), ignore);
    } else if (e.key === 'Escape') parts.get(host)?.menu?.close(true);
  });
  for (const type of CONTAINED) host.addEventListener(type, (e) => e.stopPropagation());

  parts.set(host, { button, icon, sr, text, tip, menu: null, actions: BADGE_ACTIONS, last: '' });
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
  p.actions = actions;
  p.menu?.show(actions);
}

/** For tests and the runtime: the shadow parts of a badge. */
export function badgeParts(host: Element): { button: HTMLButtonElement; text: HTMLElement; tip: HTMLElement; menu: HTMLElement | null } | undefined {
  const p = parts.get(host);
  return p && { button: p.button, text: p.text, tip: p.tip, menu: p.menu?.el ?? null };
}
