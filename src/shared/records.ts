// What Replyclock stores in IndexedDB (opened only by the background and extension pages, never by content scripts).
// Shared by the database module, ingest, the popup summary and the reports page.
import type { Channel, ClockState, OpeningHours, Pause, Policy, Role } from '../core/types.ts';

export interface StoredMessage {
  id: string;
  role: Role;
  /** The time used for SLA maths: the site's own time when known, else first seen. */
  at: number;
  /** The site's own timestamp, or null if the page showed none. */
  siteAt: number | null;
  firstSeenAt: number;
  precisionMs: number;
  author?: string;
}

export type ConversationStatus = 'open' | 'answered' | 'snoozed' | 'excluded' | 'resolved';

export interface ConversationRecord {
  id: string;
  platform: string;
  channel: Channel;
  url: string;
  customer: { handle?: string; name?: string };
  /** First customer message, at most 500 characters; never rendered as HTML. */
  text?: string;
  topic?: string;
  priority?: string;
  /** Sorted by `at`. */
  messages: StoredMessage[];
  /** Ids of `messages`, kept in step by the background: a multi-entry index finds which conversation holds a message. */
  messageIds?: string[];
  pauses: Pause[];
  excluded: boolean;
  excludedReason?: string;
  assignee: string | null;
  status: ConversationStatus;
  /** The policy and schedule applied, frozen at first detection so later edits don't rewrite history. */
  policyId: string | null;
  versionKey: string | null;
  firstCustomerAt: number;
  lastCustomerAt: number;
  lastBrandAt: number | null;
  /** Derived on every write and by the once-a-minute alarm. */
  clockState: ClockState | 'none';
  dueAt: number | null;
  firstResponseAt: number | null;
  /** Business (or calendar) minutes to the first response, under the applied policy. */
  firstResponseMinutes: number | null;
  withinTarget: boolean | null;
  createdAt: number;
  updatedAt: number;
  /** "YYYY-MM-DD" of firstCustomerAt in the applied schedule's zone (UTC for calendar policies). */
  day: string;
}

/** A frozen policy + schedule pair; conversations point at one by `versionKey`. */
export interface PolicyVersion {
  key: string;
  policy: Policy;
  schedule: OpeningHours | null;
  createdAt: number;
}

export type EventType =
  | 'detected'
  | 'message-added'
  | 'reply-seen'
  | 'status-changed'
  | 'assigned'
  | 'unassigned'
  | 'excluded'
  | 'snoozed'
  | 'reopened'
  | 'breached'
  | 'settings-changed'
  | 'pruned'
  | 'quota-exceeded'
  /** Another stored conversation turned out to be part of this one and was absorbed into it. */
  | 'merged';

/** Append-only: every action traces back to a person (`agent`) and a time. */
export interface EventRecord {
  seq?: number;
  at: number;
  type: EventType;
  conversationId: string | null;
  agent: string | null;
  detail?: Record<string, unknown>;
}

/** Kept up to date on write so reports over months don't scan every conversation. */
export interface DailyAggregate {
  day: string;
  platform: string;
  channel: Channel;
  policyId: string;
  volume: number;
  answered: number;
  withinTarget: number;
  breached: number;
  firstResponseMinutesSum: number;
}
