// Re-derives stored clock states from stored timestamps (the once-a-minute tick, and after a settings
// change). Because every field derives from timestamps, a worker restarted after hours lands on
// exactly the state it would have had if it had never stopped.
import { withStatus, type ReplyclockDb } from '../shared/db.ts';
import { logEvents } from '../shared/events.ts';
import type { ConversationRecord, EventRecord } from '../shared/records.ts';
import { DailyDeltas } from './aggregates.ts';
import { derive } from './derive.ts';
import { factOf, FactWriter } from './facts.ts';
import { VersionCache } from './versions.ts';

/** Statuses whose clock can still move on its own. */
export const LIVE_STATUSES = ['open', 'snoozed'] as const;

export interface RecomputeResult {
  changedIds: string[];
  /** Conversations that turned breached in this pass. */
  breachedIds: string[];
}

export async function recomputeOpen(db: ReplyclockDb, now: number, agent: string | null = null): Promise<RecomputeResult> {
  const changedIds: string[] = [];
  const breachedIds: string[] = [];
  await db.transaction('rw', [db.conversations, db.events, db.daily, db.versions, db.facts], async () => {
    const versions = new VersionCache(db);
    const events: EventRecord[] = [];
    const deltas = new DailyDeltas();
    const puts: ConversationRecord[] = [];
    const facts = new FactWriter();
    const live = await withStatus(db, LIVE_STATUSES).toArray();
    await versions.preload(live.map((r) => r.versionKey));
    for (const before of live) {
      const version = versions.peek(before.versionKey);
      const after: ConversationRecord = { ...before, ...derive(before, version, now) };
      if (
        after.status === before.status &&
        after.clockState === before.clockState &&
        after.dueAt === before.dueAt &&
        // A record without checkAt (derived before schema v3) is written once, so the summary can trust it.
        after.checkAt === before.checkAt &&
        after.withinTarget === before.withinTarget &&
        after.firstResponseMinutes === before.firstResponseMinutes &&
        after.day === before.day
      ) {
        continue;
      }
      after.updatedAt = now;
      if (after.status !== before.status) {
        events.push({ at: now, type: 'status-changed', conversationId: after.id, agent, detail: { from: before.status, to: after.status } });
      }
      if (after.clockState === 'breached' && before.clockState !== 'breached') {
        events.push({ at: now, type: 'breached', conversationId: after.id, agent, detail: { dueAt: after.dueAt } });
        breachedIds.push(after.id);
      }
      deltas.apply(before, after);
      puts.push(after);
      facts.drop(before);
      facts.put(factOf(after, version, now));
      changedIds.push(after.id);
    }
    // In bulk: a tick over thousands of open conversations is one write, not thousands.
    if (puts.length) await db.conversations.bulkPut(puts);
    await facts.flush(db);
    await deltas.flush(db);
    await logEvents(db.events, events);
  });
  return { changedIds, breachedIds };
}

/**
 * A settings change (team config or agent name): logged with who made it, then live clocks re-derived. Frozen policy
 * versions keep past conversations as they were measured; only clocks still running move.
 */
export async function recordSettingsChange(db: ReplyclockDb, now: number, agent: string | null): Promise<RecomputeResult> {
  await logEvents(db.events, [{ at: now, type: 'settings-changed', conversationId: null, agent }]);
  return recomputeOpen(db, now, agent);
}
