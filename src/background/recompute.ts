// Re-derives stored clock states from stored timestamps (the once-a-minute tick, and after a settings
// change). Because every field derives from timestamps, a worker restarted after hours lands on
// exactly the state it would have had if it had never stopped.
import type { ReplyclockDb } from '../shared/db.ts';
import type { ConversationRecord, EventRecord } from '../shared/records.ts';
import { applyDelta } from './aggregates.ts';
import { derive } from './derive.ts';
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
  await db.transaction('rw', [db.conversations, db.events, db.daily, db.versions], async () => {
    const versions = new VersionCache(db);
    const events: EventRecord[] = [];
    const live = await db.conversations.where('status').anyOf([...LIVE_STATUSES]).toArray();
    for (const before of live) {
      const after: ConversationRecord = { ...before, ...derive(before, await versions.get(before.versionKey), now) };
      if (
        after.status === before.status &&
        after.clockState === before.clockState &&
        after.dueAt === before.dueAt &&
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
      await applyDelta(db, before, after);
      await db.conversations.put(after);
      changedIds.push(after.id);
    }
    if (events.length) await db.events.bulkAdd(events);
  });
  return { changedIds, breachedIds };
}

/**
 * A settings change (team config or agent name): logged with who made it, then live clocks re-derived. Frozen policy
 * versions keep past conversations as they were measured; only clocks still running move.
 */
export async function recordSettingsChange(db: ReplyclockDb, now: number, agent: string | null): Promise<RecomputeResult> {
  await db.events.add({ at: now, type: 'settings-changed', conversationId: null, agent });
  return recomputeOpen(db, now, agent);
}
