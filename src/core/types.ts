// The shapes every floor of Replyclock shares. `src/core` is pure: no browser APIs, no I/O.
// The team config file (docs/team-config.md) is a public format; these names are part of it.

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Wall-clock time of day, "HH:MM" (00:00–23:59); "24:00" is valid as an interval end. */
export type WallTime = string;
/** [start, end); an end earlier than its start crosses midnight into the next day. */
export type WallInterval = [WallTime, WallTime];

export interface DateException {
  /** "YYYY-MM-DD" in the schedule's zone. */
  date: string;
  /** Replaces the intervals that start on this date; [] closes it. */
  hours: WallInterval[];
  note?: string;
}

/** One entry of the team config's `schedules`. */
export interface OpeningHours {
  id: string;
  name?: string;
  /** IANA time zone, e.g. "Europe/Amsterdam". */
  timeZone: string;
  /** Missing weekday = closed. */
  week: Partial<Record<Weekday, WallInterval[]>>;
  /** "YYYY-MM-DD" (once) or "--MM-DD" (every year); closes the whole local day. */
  holidays?: string[];
  exceptions?: DateException[];
}

export type Platform = string; // 'x' | 'facebook' | 'zendesk' | 'demo' | a site rule's id
/**
 * public: a mention, reply or comment anyone can read; dm: a private message on a social platform;
 * ticket: a helpdesk ticket (e-mail-like); chat: live chat.
 */
export type Channel = 'public' | 'dm' | 'ticket' | 'chat';
export const CHANNELS: readonly Channel[] = ['public', 'dm', 'ticket', 'chat'];

export interface PolicyMatch {
  platforms?: Platform[];
  channels?: Channel[];
  /** Keywords (case-insensitive, whole word) or "/regex/flags", tried on the conversation's topic and first customer message. */
  topics?: string[];
  priorities?: string[];
}

export type TargetKind = 'firstResponse' | 'nextResponse' | 'resolution';

export interface Policy {
  id: string;
  name?: string;
  /** A schedule id, or null to count calendar time. */
  schedule: string | null;
  /** {} matches everything. Policies are tried in order; the first match wins. */
  match: PolicyMatch;
  firstResponseMinutes?: number;
  nextResponseMinutes?: number;
  resolutionMinutes?: number;
  /** Fraction of a target after which a clock is `warning`; default 0.8. */
  warnAt?: number;
  /** Targets that count calendar time even though the policy has a schedule. */
  calendarTargets?: TargetKind[];
}

/** Response-time thresholds in minutes for the five-level rating; a level applies when the time is under its limit. */
export interface RatingThresholds {
  stellar: number;
  aboveAverage: number;
  average: number;
  belowAverage: number;
}
export type RatingCategory = 'social' | 'email' | 'chat';
export type RatingLevel = 'stellar' | 'aboveAverage' | 'average' | 'belowAverage' | 'unacceptable';

/** A declarative rule that teaches Replyclock one more helpdesk (issue: web helpdesks). */
export interface SiteRule {
  id: string;
  name: string;
  /** Match patterns like "https://*.freshdesk.com/a/tickets/*". */
  matches: string[];
  enabled?: boolean;
  channel?: Channel;
  /** Selector of one conversation (a ticket pane) or list row. */
  conversation: string;
  /** Selector, inside a conversation, of one message. */
  message?: string;
  author?: string;
  /** How to tell the team's replies from the customer's. */
  agentWhen?:
    | { attribute: string; equals: string; selector?: string }
    | { textPrefix: string; selector?: string }
    | { side: 'left' | 'right' }
    | { selectorMatches: string };
  timestamp?: { selector: string; attribute?: string; format?: string };
  /**
   * Where each conversation's id comes from: an attribute, a link's href or the URL, with a regular expression whose
   * first group is the id. (Named `conversationId` because `id` already names the rule itself.)
   */
  conversationId: { from: 'attribute' | 'href' | 'url'; selector?: string; attribute?: string; pattern: string };
  /** Selector, inside a conversation, of the element the badge goes after. */
  anchor?: string;
  preset?: boolean;
}

export interface TeamConfig {
  version: 1;
  schedules: OpeningHours[];
  policies: Policy[];
  /** The team's own accounts per platform (X handles without "@", case-insensitive). */
  brands: Record<Platform, string[]>;
  sites: SiteRule[];
  /** Per rating category; missing categories use the defaults from the service-level guide. */
  ratings?: Partial<Record<RatingCategory, RatingThresholds>>;
  notifications?: { enabled?: boolean; leadMinutes?: number; quietWhenClosed?: boolean };
  retentionDays?: number;
}

// ---- Conversations as the SLA engine sees them ----

export type Role = 'customer' | 'brand' | 'note';

export interface Message {
  /** Stable per platform, e.g. "x:1694…". */
  id: string;
  role: Role;
  /** Epoch ms: the site's own timestamp when it has one, else first seen. */
  at: number;
  /** ± milliseconds the time may be off (0 = exact; Facebook's "2 h" is ±30 min). */
  precisionMs?: number;
  author?: string;
}

export interface Pause {
  from: number;
  /** null = until reopened. */
  to: number | null;
  reason?: string;
  by?: string;
}

export interface ConversationFacts {
  platform: Platform;
  channel: Channel;
  priority?: string;
  topic?: string;
  /** First customer message text (for topic matching); never rendered as HTML. */
  text?: string;
  messages: Message[];
  pauses?: Pause[];
  /** An agent marked "no reply needed". */
  excluded?: boolean;
  resolvedAt?: number | null;
}

export type ClockState = 'ok' | 'warning' | 'breached' | 'paused' | 'answered' | 'excluded';

export interface ClockReading {
  kind: TargetKind;
  state: ClockState;
  targetMinutes: number;
  /** Business (or calendar) minutes counted so far, up to `at` or the answer. */
  elapsedMinutes: number;
  /** targetMinutes − elapsedMinutes; negative when overdue. */
  remainingMinutes: number;
  startedAt: number;
  /** The calendar instant of breach; null if the schedule never opens again. */
  dueAt: number | null;
  warnAt: number | null;
  answeredAt?: number;
  /** For answered clocks: met the target or not. */
  achieved?: boolean;
  /** For paused clocks: when counting resumes (opening time or snooze end); null = unknown/indefinite. */
  resumesAt?: number | null;
}
