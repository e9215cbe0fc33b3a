// What a site adapter gets from the runtime, and what it declares. One adapter per site under ./sites/.
import type { TeamConfig } from '../core/types.ts';
import type { HealthReport, ObservedConversation } from '../shared/protocol.ts';
import type { Placement } from './tracker.ts';

export interface SiteContext {
  url: URL;
  /** Aborts when this page visit ends (navigation, config change, extension reload). */
  signal: AbortSignal;
  config: TeamConfig;
  /** `observe()` bound to this visit. */
  observe(selector: string, cb: (el: Element) => void): void;
  /** Report a conversation (or more of it) and badge one of its messages. */
  track(conv: ObservedConversation, placement: Placement | null): void;
  /** When this browser first saw the message (stable for the whole page life). */
  firstSeen(messageId: string): number;
  /** Per page: did the selectors match what the page should hold? Sent once per distinct status; a 'mismatch' after an 'ok' of the same visit is not sent (one odd item among read ones is no broken page). */
  health(status: HealthReport['status'], detail?: string): void;
  /** setTimeout cancelled with the visit. */
  later(ms: number, fn: () => void): void;
}

export interface SiteDefinition {
  id: string;
  matches(url: URL): boolean;
  init(ctx: SiteContext): void;
}

/**
 * A registry entry. `matches` is a cheap URL test that ships with the runtime; the adapter module (selectors,
 * parsing) is fetched by `load` only on a page it matches, so a page pays for the runtime plus its own adapter.
 */
export interface SiteEntry {
  id: string;
  matches(url: URL): boolean;
  load(): Promise<LazySite>;
}

/** What a lazily loaded adapter module exports: the registry entry already holds its id and URL test. */
export type LazySite = Pick<SiteDefinition, 'init'>;
