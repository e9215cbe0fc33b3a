// State of every conversation this page has shown, keyed by conversation id — never by DOM node: X's
// timeline is virtualised, cells leave and re-enter, and a re-entering tweet must get its badge back with
// the same first-seen time and the same state. Until the background's snapshot arrives, the clock is
// computed here from the current config and what the page shows, so a badge appears in the same frame
// as its tweet.
import type { AgentAction, ConversationSnapshot, ObservedConversation } from '../shared/protocol.ts';
import type { ClockReading, ConversationFacts, Message, OpeningHours, Policy, TeamConfig } from '../core/types.ts';
import type { HoursTimeline } from '../core/hours/timeline.ts';
import { matchPolicy, scheduleFor } from '../core/policy.ts';
import { hoursForTarget } from '../core/clock-core.ts';
import type { WindowClocks } from './clocks.ts';
import { t } from './api.ts';
import { BADGE_TAG, createBadge, prototypeHost, renderBadge, type BadgeAction, type BadgeState, type BadgeView } from './badge.ts';
import { formatMinutes, formatWhen } from './format.ts';
import { mergeConversation, type Reporter } from './reporter.ts';
import type { Ticker } from './ticker.ts';

/** Where a message's badge goes: into `parent`, right after `after` (null = at the end). */
export interface Placement {
  parent: Element;
  after: Node | null;
  messageId: string;
}

export interface TrackerDeps {
  /** Every conversation the page shows (or shows changed) goes here; the runtime applies the answers' snapshots. */
  reporter: Pick<Reporter, 'add' | 'flush'>;
  /** Snapshots of conversations the background says changed (another tab, the menu, a timer), or after a new config. */
  lookup(ids: string[]): Promise<ConversationSnapshot[]>;
  act(conversationId: string, act: AgentAction): Promise<ConversationSnapshot | null>;
  config(): TeamConfig;
  /** The clocks, answered from the hours windows the background sent with the config and the snapshots. */
  clocks: WindowClocks;
  ticker: Ticker;
  lang: string;
  now?: () => number;
}

interface Entry {
  conv: ObservedConversation;
  snapshot: ConversationSnapshot | null;
  local: { version: number; policy: Policy | null; schedule: OpeningHours | null } | null;
  badges: Set<HTMLElement>;
  reported: string;
  /** messagesOf(), kept until the page's or the background's view of the conversation changes (renders run every second). */
  msgs: Message[] | null;
  /** The clock's input for one message's badge, kept as long as `msgs`. */
  facts: { messageId: string; facts: ConversationFacts } | null;
}

/** Batches lookups (after broadcasts, a refused report, a new config). */
const LOOKUP_DELAY_MS = 30;

// Action lists as constants: a render compares them by identity.
const RUNNING: BadgeAction[] = ['assign', 'exclude', 'snoozeHour', 'snoozeTomorrow'];
const SNOOZED: BadgeAction[] = ['reopen', 'assign', 'exclude'];
const ANSWERED: BadgeAction[] = ['assign', 'exclude'];
const EXCLUDED: BadgeAction[] = ['reopen', 'assign'];
const NONE: BadgeAction[] = [];

export interface Tracker {
  /** Records what the page shows and puts (or keeps) a badge at `placement`; the badge goes when `visit` aborts. */
  track(conv: ObservedConversation, placement: Placement | null, visit: AbortSignal): void;
  /** The first time this browser saw a message (stable across re-renders and navigation). */
  firstSeen(messageId: string): number;
  applySnapshots(snaps: ConversationSnapshot[]): void;
  /** Fetches snapshots for these ids (those tracked here) from the background. */
  refresh(ids: string[]): void;
  /** Policies or schedules changed: forget locally matched policies and redraw. */
  configChanged(): void;
  tick(badges: Element[], now: number): void;
  /** For tests and the bench. */
  viewFor(id: string, messageId: string, now: number): BadgeView | null;
}

function fingerprint(c: ObservedConversation): string {
  return `${c.customer.handle ?? ''}|${c.messages
    .map((m) => `${m.id}@${m.at ?? ''}`)
    .sort()
    .join(',')}`;
}

/** The messages that matter for the badge of `messageId`: up to the first customer message after a reply to it. */
function prefixFor(messages: Message[], messageId: string): Message[] {
  const i = messages.findIndex((m) => m.id === messageId);
  if (i < 0) return messages;
  let replied = false;
  for (let j = i + 1; j < messages.length; j++) {
    const role = messages[j]!.role;
    if (role === 'brand') replied = true;
    else if (role === 'customer' && replied) return messages.slice(0, j);
  }
  return messages;
}

/** Badge → [conversation id, message id, page visit], on the badge itself (the content script's own wrapper), so a render reads no attributes. */
const KEY = Symbol();
type Keyed = HTMLElement & { [KEY]?: [string, string, AbortSignal] };

const view = (state: BadgeState, text: string, actions: BadgeAction[], tip: () => string[]): BadgeView => ({ state, text, actions, tip });

export function createTracker(deps: TrackerDeps): Tracker {
  const now = deps.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const firstSeenMap = new Map<string, number>();
  const wanted = new Set<string>();
  /** Stored conversation id → the id this page tracks it under (an absorbed X follow-up). */
  const aliasOf = new Map<string, string>();
  let lookupTimer: ReturnType<typeof setTimeout> | null = null;
  let configVersion = 0;
  const fmt = (min: number): string => formatMinutes(min, deps.lang, t('badge_less_than_minute'));
  const when = (ms: number, at: number): string => formatWhen(ms, at, deps.lang);
  // The first Intl formatter of a page costs tens of milliseconds (ICU data), a first badge the stylesheet's parse: paid
  // in a task of their own now, while the page waits for its timeline, not inside the first batch of tweets.
  setTimeout(() => (fmt(61), fmt(1500), when(0, 0), prototypeHost()));

  function policyOf(e: Entry): { policy: Policy | null; schedule: OpeningHours | null } {
    // The background froze the policy for this conversation; until it answers, match the current config.
    if (e.snapshot) return e.snapshot;
    if (!e.local || e.local.version !== configVersion) {
      const config = deps.config();
      const first = e.conv.messages.find((m) => m.role === 'customer');
      const policy = matchPolicy(config.policies, {
        platform: e.conv.platform,
        channel: e.conv.channel,
        topic: e.conv.topic ?? null,
        priority: e.conv.priority ?? null,
        text: first?.text ?? null,
      });
      e.local = { version: configVersion, policy, schedule: policy ? scheduleFor(config, policy) : null };
    }
    return e.local;
  }

  function messagesOf(e: Entry): Message[] {
    if (e.msgs) return e.msgs;
    const byId = new Map<string, Message>();
    for (const m of e.snapshot?.messages ?? []) byId.set(m.id, m); // read, never changed: no copy
    for (const m of e.conv.messages) {
      const stored = byId.get(m.id);
      // The page's own timestamp is exact; without one, the earliest first-seen (possibly stored) wins.
      const at = m.at ?? Math.min(stored?.at ?? m.firstSeenAt, m.firstSeenAt);
      byId.set(m.id, { id: m.id, role: m.role, at, precisionMs: m.precisionMs, ...(m.author ? { author: m.author } : {}) });
    }
    return (e.msgs = [...byId.values()].sort((a, b) => a.at - b.at));
  }

  function factsOf(e: Entry, messageId: string): ConversationFacts {
    if (e.facts?.messageId === messageId) return e.facts.facts;
    const first = e.conv.messages.find((m) => m.role === 'customer');
    const facts: ConversationFacts = {
      platform: e.conv.platform,
      channel: e.conv.channel,
      ...(e.conv.topic ? { topic: e.conv.topic } : {}),
      ...(e.conv.priority ? { priority: e.conv.priority } : {}),
      ...(first?.text ? { text: first.text } : {}),
      messages: prefixFor(messagesOf(e), messageId),
      pauses: e.snapshot?.pauses ?? [],
      excluded: false,
    };
    e.facts = { messageId, facts };
    return facts;
  }

  function viewFor(id: string, messageId: string, at: number): BadgeView | null {
    const e = entries.get(id);
    if (!e) return null;
    const snap = e.snapshot;
    const { policy, schedule } = policyOf(e);
    let clock: ClockReading | null = null;
    let unreadable = false;
    // Tooltip lines are worked out only if the badge's tooltip can show: not for every badge every second.
    const tip = (): string[] => {
      const lines: string[] = [];
      if (policy) lines.push(t('tip_policy', policy.name ?? policy.id));
      if (snap?.assignee) lines.push(t('tip_assignee', snap.assignee));
      if (unreadable) return [...lines, t('tip_unreadable')];
      if (clock && policy && !snap?.excluded) {
        const hours = hoursForTarget(policy, schedule, clock.kind);
        lines.push(`${t(`tip_target_${clock.kind}`, fmt(clock.targetMinutes))} · ${hours ? t('tip_business_hours', hours.name ?? hours.id) : t('tip_calendar_time')}`);
        if (clock.dueAt !== null && clock.state !== 'answered') lines.push(t('tip_due', when(clock.dueAt, at)));
      }
      if (e.conv.messages.find((m) => m.id === messageId)?.at === null) lines.push(t('tip_first_seen'));
      return lines;
    };
    if (snap?.excluded) return view('answered', t('badge_no_reply'), EXCLUDED, tip);
    if (!policy) return null;
    try {
      clock = deps.clocks.currentClock(factsOf(e, messageId), policy, schedule, at);
    } catch {
      unreadable = true;
      return view('unknown', t('badge_unknown'), NONE, tip);
    }
    if (!clock) return null;
    switch (clock.state) {
      case 'ok':
      case 'warning':
        return view(clock.state, t('badge_left', fmt(clock.remainingMinutes)), RUNNING, tip);
      case 'breached':
        return view('breached', t('badge_overdue', fmt(-clock.remainingMinutes)), RUNNING, tip);
      case 'paused': {
        const snoozed = (snap?.pauses ?? []).some((p) => p.from <= at && (p.to === null || p.to > at));
        const text = clock.resumesAt != null ? t('badge_paused_until', when(clock.resumesAt, at)) : t('badge_paused');
        return view('paused', text, snoozed ? SNOOZED : RUNNING, tip);
      }
      case 'answered':
        return view('answered', t('badge_answered_in', fmt(clock.elapsedMinutes)), ANSWERED, tip);
      case 'excluded':
        return view('answered', t('badge_no_reply'), EXCLUDED, tip);
    }
  }

  function render(badge: HTMLElement, at: number): void {
    const k = (badge as Keyed)[KEY];
    const view = k ? viewFor(k[0], k[1], at) : null;
    // Only a change is written: setting `hidden` even to its current value costs a style check per badge per second.
    if (badge.hidden !== (view === null)) badge.hidden = view === null;
    if (view) renderBadge(badge, view);
  }

  function renderEntry(e: Entry): void {
    const at = now();
    for (const b of e.badges) {
      if (b.isConnected) render(b, at);
      else e.badges.delete(b);
    }
  }

  // The menu (its own chunk, badge-menu.ts) turns the agent's choice into the action, snooze times included.
  async function act(id: string, action: AgentAction): Promise<void> {
    const e = entries.get(id);
    // The background can only act on a conversation it has stored: send what is queued first.
    await deps.reporter.flush().catch(() => undefined);
    try {
      // An absorbed follow-up is acted on through the conversation that holds it now.
      const stored = e?.snapshot?.id ?? id;
      const snap = await deps.act(stored, action);
      if (snap) applySnapshots([stored === id ? snap : { ...snap, requestedId: id }]);
    } catch (err) {
      console.warn('Replyclock:', err); // the action failed; for whoever reads the console, so not translated
    }
  }

  function queueLookup(id: string): void {
    wanted.add(id);
    if (lookupTimer !== null) return;
    lookupTimer = setTimeout(() => {
      lookupTimer = null;
      const ids = [...wanted].slice(0, 2000);
      for (const i of ids) wanted.delete(i);
      deps.lookup(ids).then(applySnapshots, () => undefined);
      if (wanted.size) queueLookup([...wanted][0]!);
    }, LOOKUP_DELAY_MS);
  }

  function scheduleTimeline(e: Entry | undefined): HoursTimeline | null {
    const schedule = e ? policyOf(e).schedule : null;
    try {
      return schedule ? deps.clocks.timelineOf(schedule) : null;
    } catch {
      return null;
    }
  }

  function applySnapshots(snaps: ConversationSnapshot[]): void {
    for (const s of snaps) {
      // A snapshot for an id this page tracks, or for the conversation that absorbed it (then its changes count here too).
      const alias = s.requestedId ? undefined : aliasOf.get(s.id);
      apply(s.requestedId ?? s.id, s);
      // The thread itself, reported or looked up under its own id: the follow-up this page tracks apart changed too.
      if (alias !== undefined) apply(alias, { ...s, requestedId: alias });
    }
  }

  function apply(id: string, s: ConversationSnapshot): void {
    const e = entries.get(id);
    if (!e) return;
    if (s.requestedId) aliasOf.set(s.id, s.requestedId);
    if (s.schedule && s.hours) deps.clocks.setWindow(s.schedule, s.hours);
    e.snapshot = s;
    e.msgs = e.facts = null;
    renderEntry(e);
  }

  /** Takes the badges `gone` picks away: from the page, their entries and the ticker. */
  function prune(gone: (b: Keyed) => boolean): void {
    for (const e of entries.values())
      for (const b of e.badges)
        if (gone(b)) {
          b.remove();
          e.badges.delete(b);
          deps.ticker.unwatch(b);
        }
  }
  // One abort handler per visit (not one per badge) takes the visit's badges away when it ends: each badge knows its
  // visit. (A list of the visit's badges grew with every tweet of a long scroll and had to be swept inside the
  // mutation callback.) The visit signals are the runtime's own: nothing else sets their onabort.
  // A virtualised timeline detaches badges by the thousand (and a re-entering tweet gets a new one): every 1,024 new
  // badges, the detached ones are let go, in a task of their own. Each would keep its whole removed cell alive.
  let made = 0;

  function placeBadge(e: Entry, id: string, p: Placement, visit: AbortSignal): void {
    let badge: HTMLElement | undefined;
    const siblings = p.parent.children;
    for (let i = siblings.length - 1; i >= 0; i--) {
      const c = siblings[i]!;
      if (c.localName !== BADGE_TAG) continue;
      const h = c as Keyed;
      const k = h[KEY]; // (none on a badge of an older instance: that one goes)
      if (k?.[0] === id && k[1] === p.messageId && e.badges.has(h)) badge = h;
      else if (!e.badges.has(h)) h.remove(); // left by an older instance or another message's render
    }
    const fresh = !badge;
    if (!badge) {
      // Made showing its look: the clone needs no first render.
      badge = createBadge(id, p.messageId, (a) => void act(id, a), () => scheduleTimeline(entries.get(id)), viewFor(id, p.messageId, now()));
      (badge as Keyed)[KEY] = [id, p.messageId, visit];
      e.badges.add(badge);
      visit.onabort ??= () => prune((b) => b[KEY]?.[2] === visit);
      if (++made % 1024 === 0) setTimeout(() => prune((b) => !b.isConnected));
    }
    if (p.after && p.after.parentNode === p.parent) {
      if (p.after.nextSibling !== badge) p.parent.insertBefore(badge, p.after.nextSibling);
    } else if (badge.parentNode !== p.parent) p.parent.append(badge);
    if (!fresh) render(badge, now());
    deps.ticker.watch(badge);
  }

  return {
    track(conv, placement, visit) {
      if (visit.aborted) return;
      let e = entries.get(conv.id);
      if (!e) {
        // No lookup: a new entry is always reported below, and the report's answer carries its snapshot.
        e = { conv, snapshot: null, local: null, badges: new Set(), reported: '', msgs: null, facts: null };
        entries.set(conv.id, e);
      } else {
        e.conv = mergeConversation(e.conv, conv);
        e.msgs = e.facts = null;
      }
      const fp = fingerprint(e.conv);
      const changed = fp !== e.reported;
      // Reported after the badge is placed, and whatever placing or drawing it does: a batch due now is serialised at
      // the end of this task (reporter.ts), after the mutation batch's badges are in the page.
      try {
        if (changed) renderEntry(e);
        if (placement) placeBadge(e, conv.id, placement, visit);
      } finally {
        if (changed) {
          e.reported = fp;
          deps.reporter.add(e.conv);
        }
      }
    },
    firstSeen(messageId) {
      let at = firstSeenMap.get(messageId);
      if (at === undefined) {
        at = now();
        firstSeenMap.set(messageId, at);
      }
      return at;
    },
    applySnapshots,
    refresh(ids) {
      for (const id of ids) {
        if (entries.has(id)) queueLookup(id);
        const alias = aliasOf.get(id);
        if (alias !== undefined && entries.has(alias)) queueLookup(alias);
      }
    },
    configChanged() {
      configVersion++;
      for (const e of entries.values()) renderEntry(e);
      // A snapshot's schedule came without a window because it matched the OLD config: ask again.
      for (const id of entries.keys()) queueLookup(id);
    },
    tick(badges, at) {
      for (const b of badges)
        try {
          render(b as HTMLElement, at);
        } catch {
          // A badge the page tampered with (its shadow root is open) must not stop the others.
        }
    },
    viewFor,
  };
}
