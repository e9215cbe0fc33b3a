// What an agent can do to a conversation from the popup, the reports page or the in-page badge menu.
// Each action is logged as an event with the agent's name so it traces back to a person.
import type { AgentAction } from '../shared/protocol.ts';
import type { ReplyclockDb } from '../shared/db.ts';
import { logEvents } from '../shared/events.ts';
import type { ConversationRecord, EventRecord, PolicyVersion } from '../shared/records.ts';
import { applyDelta } from './aggregates.ts';
import { derive, SNOOZE_REASON } from './derive.ts';
import { factOf, FactWriter } from './facts.ts';

export interface ActionResult {
  record: ConversationRecord | null;
  version: PolicyVersion | null;
}

export async function applyAction(db: ReplyclockDb, conversationId: string, act: AgentAction, ctx: { now: number; agent: string }): Promise<ActionResult> {
  const agent = ctx.agent || null;
  const now = ctx.now;
  return db.transaction('rw', [db.conversations, db.events, db.daily, db.versions, db.facts], async () => {
    const before = await db.conversations.get(conversationId);
    if (!before) return { record: null, version: null };
    const version = before.versionKey ? ((await db.versions.get(before.versionKey)) ?? null) : null;
    const next: ConversationRecord = { ...before, pauses: before.pauses.map((p) => ({ ...p })), updatedAt: now };
    let event: EventRecord;
    switch (act.action) {
      case 'assign':
        next.assignee = agent;
        event = { at: now, type: 'assigned', conversationId, agent, detail: { previous: before.assignee } };
        break;
      case 'unassign':
        next.assignee = null;
        event = { at: now, type: 'unassigned', conversationId, agent, detail: { previous: before.assignee } };
        break;
      case 'exclude':
        next.excluded = true;
        if (act.reason !== undefined) next.excludedReason = act.reason;
        event = { at: now, type: 'excluded', conversationId, agent, ...(act.reason !== undefined ? { detail: { reason: act.reason } } : {}) };
        break;
      case 'snooze': {
        endOpenSnoozes(next, now);
        next.pauses.push({ from: now, to: act.until, reason: SNOOZE_REASON, ...(agent ? { by: agent } : {}) });
        event = { at: now, type: 'snoozed', conversationId, agent, detail: { until: act.until } };
        break;
      }
      case 'reopen':
        next.excluded = false;
        delete next.excludedReason;
        if (next.status === 'resolved') next.status = 'open';
        endOpenSnoozes(next, now);
        event = { at: now, type: 'reopened', conversationId, agent };
        break;
    }
    const after: ConversationRecord = { ...next, ...derive(next, version, now) };
    await applyDelta(db, before, after);
    await db.conversations.put(after);
    const facts = new FactWriter();
    facts.drop(before);
    facts.put(factOf(after, version, now));
    await facts.flush(db);
    await logEvents(db.events, [
      event,
      ...(after.status !== before.status ? [{ at: now, type: 'status-changed', conversationId, agent, detail: { from: before.status, to: after.status } } as const] : []),
    ]);
    return { record: after, version };
  });
}

/** A snooze still running ends now (a new snooze replaces it; reopen cancels it). */
function endOpenSnoozes(rec: ConversationRecord, now: number): void {
  for (const p of rec.pauses) {
    if (p.reason === SNOOZE_REASON && (p.to === null || p.to > now)) p.to = Math.max(p.from, now);
  }
}
