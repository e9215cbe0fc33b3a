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
  /**
   * The earliest instant after the last derivation at which time alone could change what was derived (a clock
   * warning, breaching, pausing or resuming, opening hours changing, a snooze ending, a message's time coming);
   * CHECK_NEVER when nothing can. Until then the stored clockState and dueAt are the live ones, so the popup's
   * summary reads only conversations whose checkAt has passed. Absent on records derived before schema v3.
   */
  checkAt?: number;
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

/**
 * One event of the append-only log: every action traces back to a person (`agent`) and a time. This is the shape
 * code builds and readers (reports, export) see; it is stored packed in EventRow.
 */
export interface EventRecord {
  /** The stored row's key: events written in one transaction share it (it orders transactions, not events). */
  seq?: number;
  at: number;
  type: EventType;
  conversationId: string | null;
  agent: string | null;
  detail?: Record<string, unknown>;
}

/** An event as held inside an EventRow (time and agent are the row's). */
export interface EventEntry {
  type: EventType;
  conversationId: string | null;
  detail?: Record<string, unknown>;
}

/**
 * How the event log is stored (schema v4): the events one transaction writes at one time by one agent, in one row.
 * An ingest batch of 500 new conversations logs 500 `detected` events; as 500 rows that was the single largest cost
 * of ingest (each IndexedDB request costs ~0.1 ms on a slow machine), as one row it is one request.
 * `conversationIds` (multi-entry index) finds the rows that mention a conversation. Read through shared/events.ts.
 */
export interface EventRow {
  seq?: number;
  at: number;
  agent: string | null;
  conversationIds: string[];
  events: EventEntry[];
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

/**
 * What one conversation contributes to the popup's period figures (today / 7 days / 30 days), computed with the same
 * core function as the reports (conversationFigures), so the figures are exact. Stored packed per day (FactDay).
 */
export interface ConversationFact {
  /** Conversation id. */
  id: string;
  /** First customer message (the period a conversation counts in). */
  at: number;
  channel: Channel;
  /** Minutes to the first reply, or null while unanswered. */
  frt: number | null;
  /** First-response verdict once decided, else null. */
  verdict: 'within' | 'missed' | null;
  /** First-response target the verdict is judged against. */
  target: number | null;
  /** 1 when time alone can still change these figures (a first-response clock still running): re-read live. */
  pending: 0 | 1;
  /** The instant these figures were computed for; a summary for an earlier instant re-reads the record. */
  asOf: number;
  /** A pending fact stays exact until this instant (the record's checkAt); 0 or absent: re-read it. */
  until?: number;
}

/**
 * The facts of every conversation whose first customer message falls on one UTC day, as parallel arrays (index i
 * is one conversation). Packed because Chromium's IndexedDB costs ~15 µs per row read: 30 days are ~31 rows, not
 * ~8,000. Written in the same transaction as the records.
 */
export interface FactDay {
  /** "YYYY-MM-DD" (UTC) of the first customer message; a delta row's is "YYYY-MM-DD~<seq>" (background/facts.ts). */
  day: string;
  ids: string[];
  at: number[];
  channel: Channel[];
  frt: (number | null)[];
  verdict: ('within' | 'missed' | null)[];
  target: (number | null)[];
  pending: (0 | 1)[];
  asOf: number[];
  /** The record's checkAt when the fact was computed: a pending fact holds until then. Absent in older rows. */
  until?: number[];
  /** A delta row's conversations whose facts are gone (merged into another, or deleted). */
  gone?: string[];
}

/** checkAt of a record whose derived fields time alone cannot change (a valid IndexedDB key, unlike null). */
export const CHECK_NEVER = 8.64e15;
