// The badge: a plain <replyclock-badge> host with an open shadow root. Not a registered custom element —
// `customElements` is null in content scripts. Page text never becomes HTML: lines go in with textContent.
// Hundreds of badges arrive at once on a scrolling timeline, so a badge is cheap to make: one clone of a prototype
// host whose shadow root is clonable (one call into the DOM instead of a dozen; every call from a content script's
// isolated world costs microseconds), a few listener registrations sharing ONE handler, and the tooltip's lines
// (worked out only then) and the action menu (badge-menu.ts, its own chunk) only when an agent hovers, focuses or
// opens it.
import { BADGE_CSS } from './badge-styles.ts';
import { t } from './api.ts';
import type { AgentAction } from '../shared/protocol.ts';
import type { HoursTimeline } from '../core/hours/timeline.ts';

export const BADGE_TAG = 'replyclock-badge';
export type BadgeState = 'ok' | 'warning' | 'breached' | 'paused' | 'answered' | 'unknown';
export type BadgeAction = 'assign' | 'exclude' | 'snoozeHour' | 'snoozeTomorrow' | 'reopen';
export const BADGE_ACTIONS: readonly BadgeAction[] = ['assign', 'exclude', 'snoozeHour', 'snoozeTomorrow', 'reopen'];

export interface BadgeView {
  state: BadgeState;
  /** Visible words, e.g. "25 min left". */
  text: string;
  /** Tooltip lines: policy, target, due time. Called only while the tooltip can show: they are not worked out for every badge every second. */
  tip(): readonly string[];
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

/** The shadow tree's nodes a render, the tooltip or the menu touch. */
interface Nodes {
  button: HTMLButtonElement;
  icon: Text;
  sr: Text;
  text: Text;
  tip: HTMLElement;
}

interface Parts {
  root: ShadowRoot;
  /** Found on first need (a render that changes the look, the tooltip, the menu): a new badge's look came with its clone. */
  n: Nodes | null;
  /** The latest view: its tooltip lines are read when the tooltip can show. */
  view: BadgeView | null;
  /** What `tip` holds now. */
  shown: string;
  /** The pointer or focus reached this badge once: tooltip live, every event contained. */
  armed: boolean;
  menu: BadgeMenu | null;
  actions: readonly BadgeAction[];
  onAction: (a: AgentAction) => void;
  /** The conversation's opening hours, for "snooze until tomorrow's opening". */
  hours: () => HoursTimeline | null;
  /** `state|text` shown now. */
  last: string;
}
// A badge's parts ride on the element itself (on the content script's own wrapper: the page never sees them), not
// in a WeakMap: thousands of weak entries made every full garbage collection on a long scroll slower.
const PARTS = Symbol();
type Host = Element & { [PARTS]?: Parts };
const partsOf = (host: Element): Parts | undefined => (host as Host)[PARTS];

function find(root: ShadowRoot): Nodes {
  const button = root.lastElementChild!.previousElementSibling as HTMLButtonElement;
  const icon = button.firstChild!;
  const sr = icon.nextSibling!;
  return { button, icon: icon.firstChild as Text, sr: sr.firstChild as Text, text: sr.nextSibling!.firstChild as Text, tip: root.lastElementChild as HTMLElement };
}
const nodes = (p: Parts): Nodes => (p.n ??= find(p.root));

/** Writes a look into a badge's shadow tree; `stateToo` when the state differs from what it shows. Text nodes' `data` is plain text: page and config text never become markup. */
function paint(host: Element, n: Nodes, view: BadgeView, stateToo: boolean): void {
  if (stateToo) {
    host.setAttribute('data-state', view.state);
    n.icon.data = ICONS[view.state];
    n.sr.data = `${t(`state_${view.state}`)}: `;
  }
  if (n.text.data !== view.text) n.text.data = view.text;
}
// The menu chunk cannot load once the extension was reloaded; the orphaned badge is removed soon anyway.
const ignore = (): void => undefined;

// ONE stylesheet adopted by every badge's shadow root: a <style> per badge made the browser parse the same rules
// hundreds of times while a timeline scrolls. Where adopting is refused (Firefox content scripts may not adopt a
// sheet built in their own compartment), the prototype carries a <style>, and so each clone.
let sheet: CSSStyleSheet | null = null;

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
  const p = partsOf(host);
  if (p) arm(host as HTMLElement, p);
}

function onHostEvent(this: HTMLElement, e: Event): void {
  e.stopPropagation();
  const p = partsOf(this);
  if (!p) return;
  arm(this, p);
  const { button } = nodes(p);
  const onButton = e.composedPath().includes(button);
  if (e.type === 'click' && onButton) menu(this, p).then((m) => (m.el.hidden ? m.open() : m.close(true)), ignore);
  else if (e.type === 'keydown' && onButton) {
    const key = (e as KeyboardEvent).key;
    if (key === 'ArrowDown' && button.getAttribute('aria-expanded') !== 'true') {
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

/** An element with attributes and children; strings become text nodes (never markup). */
function el(tag: string, attrs: Record<string, string>, ...kids: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]!);
  e.append(...kids);
  return e;
}

function writeTip(p: Parts): void {
  const lines = p.view?.tip() ?? [];
  const text = lines.join('\n');
  if (text === p.shown) return;
  p.shown = text;
  nodes(p).tip.replaceChildren(...lines.map((line) => el('div', {}, line)));
}

/** Loads and mounts the menu once; later calls resolve at once from the module cache. */
async function menu(host: HTMLElement, p: Parts): Promise<BadgeMenu> {
  if (!p.menu) {
    const { mountMenu } = await import('./badge-menu.ts');
    p.menu ??= mountMenu(p.root, host, nodes(p).button, p.onAction, p.hours);
    p.menu.show(p.actions);
  }
  return p.menu;
}

let proto: HTMLElement | null = null;
/** The host every badge is cloned from, shadow root and all (clonable shadow roots: Chromium 124, Firefox 123). */
export function prototypeHost(): HTMLElement {
  if (proto) return proto;
  proto = document.createElement(BADGE_TAG);
  proto.setAttribute('data-state', 'unknown');
  const root = proto.attachShadow({ mode: 'open', clonable: true } as ShadowRootInit);
  // Structure only: no page or config text.
  root.append(
    el(
      'button',
      // No type=button needed: a form outside the shadow root cannot own this button.
      { class: 'b', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-describedby': 'tip' },
      el('span', { class: 'i', 'aria-hidden': 'true' }, ' '),
      el('span', { class: 'sr' }, ' '),
      el('span', { class: 't' }, ' '),
    ),
    el('div', { class: 'tip', id: 'tip', role: 'tooltip' }),
  );
  try {
    const adopted = new CSSStyleSheet();
    adopted.replaceSync(BADGE_CSS);
    root.adoptedStyleSheets = [adopted];
    if (root.adoptedStyleSheets.length !== 1) throw 0;
    sheet = adopted;
  } catch {
    const style = document.createElement('style');
    style.textContent = BADGE_CSS;
    root.prepend(style);
  }
  return proto;
}

// Prototypes by look (`state|text`): a badge cloned from one already shows its state and words, so its first render
// writes nothing. Badges of one timeline share a few dozen looks ("Overdue by 12 min"). A look gets its prototype when
// it is seen the second time: the first screen of a page shows mostly different times, and a prototype for each would
// double its clones just when the first tweets arrive (null: seen once).
const looks = new Map<string, HTMLElement | null>();
/** A new badge showing `view` (hidden when null: nothing to measure yet). */
export function createBadge(
  conversationId: string,
  messageId: string,
  onAction: (a: AgentAction) => void,
  hours: () => HoursTimeline | null,
  view: BadgeView | null,
): HTMLElement {
  if (!delegated) {
    delegated = true;
    // Capture: the page cannot stop them first. Never removed: one pair per page, however many visits.
    document.addEventListener('pointerover', onApproach, true);
    document.addEventListener('focusin', onApproach, true);
  }
  const key = view ? `${view.state}|${view.text}` : '';
  const look = looks.get(key);
  const host = (look ?? prototypeHost()).cloneNode(true) as Host & HTMLElement;
  const root = host.shadowRoot!;
  if (view && !look) {
    paint(host, find(root), view, true);
    if (looks.size >= 256) looks.clear();
    looks.set(key, look === null ? (host.cloneNode(true) as HTMLElement) : null);
  }
  // A clone does not share the prototype's adopted sheet (a <style> is cloned along instead).
  if (sheet) root.adoptedStyleSheets = [sheet];
  host.setAttribute('data-conversation', conversationId);
  host.setAttribute('data-message', messageId);
  if (!view) host.hidden = true;
  for (const type of ALWAYS) host.addEventListener(type, onHostEvent);
  host[PARTS] = {
    root,
    n: null,
    view,
    shown: '',
    armed: false,
    menu: null,
    actions: view?.actions ?? BADGE_ACTIONS,
    onAction,
    hours,
    last: key,
  };
  return host;
}

/** Updates the badge; touches the DOM only when something visible changed (runs every second). */
export function renderBadge(host: Element, view: BadgeView): void {
  const p = partsOf(host);
  if (!p) return;
  p.view = view;
  // Nobody can see the tooltip until a pointer or focus arms the badge: its lines are not even worked out before.
  if (p.armed) writeTip(p);
  const actions = view.actions ?? BADGE_ACTIONS;
  const key = `${view.state}|${view.text}`;
  // Action lists are constants (tracker.ts): compared by identity.
  if (key === p.last && actions === p.actions) return;
  paint(host, nodes(p), view, !p.last.startsWith(`${view.state}|`));
  p.last = key;
  p.actions = actions;
  p.menu?.show(actions);
}

/** For tests and the runtime: the shadow parts of a badge (the tooltip brought up to date). */
export function badgeParts(host: Element): { button: HTMLButtonElement; text: HTMLElement; tip: HTMLElement; menu: HTMLElement | null } | undefined {
  const p = partsOf(host);
  if (!p) return undefined;
  writeTip(p);
  const { button, tip } = nodes(p);
  return { button, text: button.children[2] as HTMLElement, tip, menu: p.menu?.el ?? null };
}
