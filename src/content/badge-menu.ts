// The badge's action menu, built the first time an agent opens it. Most badges are only ever read, so the
// menu's code and styles load on demand (a chunk of their own) instead of weighing on every page.
import { t } from './api.ts';
import type { BadgeAction, BadgeMenu } from './badge.ts';
import type { AgentAction } from '../shared/protocol.ts';
import type { HoursTimeline } from '../core/hours/timeline.ts';

const MENU_CSS = `:host([data-menu-open]) .tip{display:none}
.menu{position:absolute;top:calc(100% + 4px);left:0;z-index:2147483647;display:flex;flex-direction:column;min-width:200px;padding:4px 0;border:1px solid #c4c9cc;border-radius:6px;background:#fff;color:#1f2328;box-shadow:0 2px 8px rgba(0,0,0,.18)}
.menu[hidden]{display:none}
.menu button{all:unset;padding:6px 12px;cursor:pointer;font:inherit;font-weight:400}
.menu button:hover,.menu button:focus{background:#eef1f4}
@media (prefers-color-scheme:dark){.menu{background:#1f2328;color:#e9ecef;border-color:#444c56}.menu button:hover,.menu button:focus{background:#2f3640}}`;

// In menu order. Types only from badge.ts: the menu is built as a module of its own (vite.config.ts) and badge.ts imports it.
const ACTION_KEYS: Record<BadgeAction, string> = {
  assign: 'act_assign',
  exclude: 'act_exclude',
  snoozeHour: 'act_snooze_hour',
  snoozeTomorrow: 'act_snooze_tomorrow',
  reopen: 'act_reopen',
};

/** Next opening on a later calendar day (agent's local day), for "snooze until tomorrow's opening". */
export function tomorrowOpening(hours: HoursTimeline | null, now: number): number {
  const midnight = new Date(now);
  midnight.setHours(24, 0, 0, 0);
  if (hours) {
    const m = midnight.getTime();
    try {
      if (hours.isOpenAt(m)) return m;
      // `open` is the state AT m (closed here), `at` when it changes: the next opening.
      const change = hours.nextChange(m);
      if (change && !change.open) return change.at;
    } catch {
      /* past the hours window: tomorrow 09:00 below */
    }
  }
  midnight.setHours(9, 0, 0, 0);
  return midnight.getTime();
}

/** The agent's choice as the background's action. Here, not in the runtime: only a page whose menu was opened pays for it. */
export function agentAction(a: BadgeAction, hours: HoursTimeline | null, at: number): AgentAction {
  if (a === 'snoozeHour') return { action: 'snooze', until: at + 3_600_000 };
  if (a === 'snoozeTomorrow') return { action: 'snooze', until: tomorrowOpening(hours, at) };
  return { action: a };
}

export function mountMenu(
  root: ShadowRoot,
  host: HTMLElement,
  button: HTMLButtonElement,
  onAction: (a: AgentAction) => void,
  hours: () => HoursTimeline | null,
): BadgeMenu {
  const style = document.createElement('style');
  style.textContent = MENU_CSS;
  const menu = document.createElement('div');
  menu.className = 'menu';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', t('menu_label'));
  menu.hidden = true;
  const items = new Map<BadgeAction, HTMLButtonElement>();
  for (const a of Object.keys(ACTION_KEYS) as BadgeAction[]) {
    const item = document.createElement('button');
    item.type = 'button';
    item.setAttribute('role', 'menuitem');
    item.tabIndex = -1;
    item.dataset.action = a;
    item.textContent = t(ACTION_KEYS[a]);
    item.addEventListener('click', () => {
      close(true);
      onAction(agentAction(a, a === 'snoozeTomorrow' ? hours() : null, Date.now()));
    });
    items.set(a, item);
    menu.append(item);
  }
  root.append(style, menu);

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
  return {
    el: menu,
    open,
    close,
    show(actions) {
      for (const [a, item] of items) item.hidden = !actions.includes(a);
    },
  };
}

