// Shared fixtures for the background tests: a fresh fake IndexedDB database per test and small builders.
import 'fake-indexeddb/auto';
import type { Policy, TeamConfig } from '../../../src/core/types.ts';
import { openDb, type ReplyclockDb } from '../../../src/shared/db.ts';
import { readEvents } from '../../../src/shared/events.ts';
import type { ObservedConversation, ObservedMessage } from '../../../src/shared/protocol.ts';
import type { EventRecord } from '../../../src/shared/records.ts';

let n = 0;
export function freshDb(): ReplyclockDb {
  return openDb(`rc-test-${process.pid}-${++n}`);
}

export const MIN = 60_000;
/** A Wednesday, 10:00 UTC. */
export const T0 = Date.UTC(2025, 0, 15, 10, 0, 0);

/** Calendar-time policy: 60 min to first response, warning after 48 min. */
export const CAL_POLICY: Policy = { id: 'cal', name: 'Calendar', schedule: null, match: {}, firstResponseMinutes: 60, nextResponseMinutes: 60 };

export function calConfig(policy: Policy = CAL_POLICY, extra: Partial<TeamConfig> = {}): TeamConfig {
  return { version: 1, schedules: [], policies: [policy], brands: {}, sites: [], ...extra };
}

export function msg(id: string, role: ObservedMessage['role'], at: number | null, firstSeenAt: number, extra: Partial<ObservedMessage> = {}): ObservedMessage {
  return { id, role, at, firstSeenAt, precisionMs: 0, ...extra };
}

export function conv(id: string, messages: ObservedMessage[], extra: Partial<ObservedConversation> = {}): ObservedConversation {
  return { id, platform: 'x', channel: 'public', url: `https://x.com/someone/status/${id.replace(/^x:/, '')}`, customer: { handle: 'someone' }, messages, ...extra };
}

export const ctx = (now: number, config: TeamConfig = calConfig(), agent = 'Alex') => ({ now, config, agent });

/** The event log as events (unpacked from its stored rows), oldest first; only those of `type` when given. */
export async function eventsOf(db: ReplyclockDb, type?: EventRecord['type']): Promise<EventRecord[]> {
  const all = await readEvents(db.events);
  return type === undefined ? all : all.filter((e) => e.type === type);
}
