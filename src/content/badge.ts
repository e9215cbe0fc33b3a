// The badge: a plain <replyclock-badge> host with an open shadow root. Not a registered custom element —
// `customElements` is null in content scripts. Page text never becomes HTML: lines go in with textContent.
// Hundreds of badges arrive at once on a scrolling timeline, so a badge is cheap to make: its shadow content
// is cloned from one template, it gets a few listener registrations sharing ONE handler, and the tooltip's
// lines and the action menu (badge-menu.ts, its own chunk) are built only when an agent hovers, focuses or opens it.
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
  root: ShadowRoot;
  button: HTMLButtonElement;
  icon: Node;
  sr: Node;
  text: Node;
  tip: HTMLElement;
  /** Lines not yet written into `tip` (null: tip is up to date). */
  lines: string[] | null;
  /** The pointer or focus reached this badge once: tooltip live, every event contained. */
  armed: boolean;
  menu: BadgeMenu | null;
  actions: readonly BadgeAction[];
  onAction: (a: BadgeAction) => void;
  last: string;
}
const parts = new WeakMap<Element, Parts>();
// The menu chunk cannot load once the extension was reloaded; the orphaned badge is removed soon anyway.
const ignore = (): void => undefined;

// ONE stylesheet adopted by every badge's shadow root: a <style> per badge made the browser parse the same rules
// hundreds of times while a timeline scrolls. Where adopting is refused (Firefox content scripts may not adopt a
// sheet built in their own compartment), each badge carries a <style> instead.
let sheet: CSSStyleSheet | null | undefined;
function adopt(root: ShadowRoot): boolean {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(BADGE_CSS);
      root.adoptedStyleSheets = [sheet];
      if (root.adoptedStyleSheets.length !== 1) throw new Error('not adopted');
    } catch {
      sheet = null;
    }
    return sheet !== null;
  }
  if (sheet) root.adoptedStyleSheets = [sheet];
  return sheet !== null;
}

let template: HTMLTemplateElement | null = null;
function shadowTemplate(): HTMLTemplateElement {
  if (template) return template;
  template = document.createElement('template');
  // Structure only (no page or config text): <button class=b><span class=i/><span class=sr/><span class=t/></button><div class=tip/>.
  const button = document.createElement('button');
  button.className = 'b';
  button.type = 'button';
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-describedby', 'tip');
  for (const cls of ['i', 'sr', 't']) {
    const span = document.createElement('span');
    span.className = cls;
    if (cls === 'i') span.setAttribute('aria-hidden', 'true');
    span.append('');
    button.append(span);
  }
  const tip = document.createElement('div');
  tip.className = 'tip';
  tip.id = 'tip';
  tip.setAttribute('role', 'tooltip');
  template.content.append(button, tip);
  return template;
}

// The badge sits inside the tweet, whose own click and keyboard handlers would open the tweet or fire X's
// shortcuts (j/k/l): events from inside the badge stop at its host. click and keydown are contained from the
// start; the rest once a pointer is over the badge or focus is in it — pointerover / focusin always come first
// and reach the document retargeted to the host, so ONE pair of document listeners arms any badge. A badge
// nobody touches carries two listener registrations, both of this one function (each costs µs in a content
// script's isolated world, times thousands of tweets).
const ALWAYS = ['click', 'keydown'];
const ON_USE = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keyup', 'keypress'];
let delegated = false;

function onApproach(e: Event): void {
  // Browsers retarget to the host; DOMs that do not (test DOMs) still lead there through the shadow root.
  const target = e.target as Node | null;
  const root = target?.getRootNode?.() as ShadowRoot | Document | undefined;
  const host = (root && 'host' in root ? root.host : target) as Element | null;
  if (host?.localName !== BADGE_TAG) return;
  const p = parts.get(host);
  if (p) arm(host as HTMLElement, p);
}

function onHostEvent(this: HTMLElement, e: Event): void {
  e.stopPropagation();
  const p = parts.get(this);
  if (!p) return;
  arm(this, p);
  const onButton = e.composedPath().includes(p.button);
  if (e.type === 'click' && onButton) menu(this, p).then((m) => (m.el.hidden ? m.open() : m.close(true)), ignore);
  else if (e.type === 'keydown' && onButton) {
    const key = (e as KeyboardEvent).key;
    if (key === 'ArrowDown' && p.button.getAttribute('aria-expanded') !== 'true') {
      e.preventDefault();
      menu(this, p).then((m) => m.open(), ignore);
    } else if (key === 'Escape') p.menu?.close(true);
  }
}

function arm(host: HTMLElement, p: Parts): void {
  if (p.armed) return;
  p.armed = true;
  for (const type of ON_USE) host.addEventListener(type, onHostEvent);
  writeTip(p);
}

function writeTip(p: Parts): void {
  if (!p.lines) return;
  p.tip.replaceChildren(
    ...p.lines.map((line) => {
      const d = document.createElement('div');
      d.textContent = line;
      return d;
    }),
  );
  p.lines = null;
}

/** Loads and mounts the menu once; later calls resolve at once from the module cache. */
async function menu(host: HTMLElement, p: Parts): Promise<BadgeMenu> {
  if (!p.menu) {
    const { mountMenu } = await import('./badge-menu.ts');
    p.menu ??= mountMenu(p.root, host, p.button, p.onAction);
    p.menu.show(p.actions);
  }
  return p.menu;
}

export function createBadge(conversationId: string, messageId: string, onAction: (a: BadgeAction) => void): HTMLElement {
  if (!delegated) {
    delegated = true;
    // Capture: the page cannot stop them first. Never removed: one pair per page, however many visits.
    document.addEventListener('pointerover', onApproach, true);
    document.addEventListener('focusin', onApproach, true);
  }
  const host = document.createElement(BADGE_TAG);
  host.setAttribute('data-conversation', conversationId);
  host.setAttribute('data-message', messageId);
  host.setAttribute('data-state', 'unknown');
  const root = host.attachShadow({ mode: 'open' });
  root.append(shadowTemplate().content.cloneNode(true));
  if (!adopt(root)) {
    const style = document.createElement('style');
    style.textContent = BADGE_CSS;
    root.prepend(style);
  }
  const button = root.children[root.children.length - 2] as HTMLButtonElement;
  const [icon, sr, text] = button.children;
  for (const type of ALWAYS) host.addEventListener(type, onHostEvent);
  parts.set(host, {
    root,
    button,
    icon: icon!.firstChild!,
    sr: sr!.firstChild!,
    text: text!.firstChild!,
    tip: root.lastElementChild as HTMLElement,
    lines: null,
    armed: false,
    menu: null,
    actions: BADGE_ACTIONS,
    onAction,
    last: '',
  });
  return host;
}

/** Updates the badge; touches the DOM only when something visible changed (runs every second). */
export function renderBadge(host: Element, view: BadgeView): void {
  const p = parts.get(host);
  if (!p) return;
  const actions = view.actions ?? BADGE_ACTIONS;
  const tip = view.tip.join('\n');
  const key = `${view.state}|${view.text}|${tip}|${actions.join()}`;
  if (key === p.last) return;
  const changed = !p.last.startsWith(`${view.state}|`);
  p.last = key;
  if (changed) {
    host.setAttribute('data-state', view.state);
    (p.icon as Text).data = ICONS[view.state];
    (p.sr as Text).data = `${t(`state_${view.state}`)}: `;
  }
  if ((p.text as Text).data !== view.text) (p.text as Text).data = view.text;
  // Text nodes' `data` is plain text: page and config text never become markup.
  p.lines = view.tip;
  if (p.armed) writeTip(p);
  p.actions = actions;
  p.menu?.show(actions);
}

/** For tests and the runtime: the shadow parts of a badge (the tooltip brought up to date). */
export function badgeParts(host: Element): { button: HTMLButtonElement; text: HTMLElement; tip: HTMLElement; menu: HTMLElement | null } | undefined {
  const p = parts.get(host);
  if (!p) return undefined;
  writeTip(p);
  return { button: p.button, text: p.button.children[2] as HTMLElement, tip: p.tip, menu: p.menu?.el ?? null };
}
