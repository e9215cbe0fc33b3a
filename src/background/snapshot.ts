// What content scripts and pages get for one conversation: its facts plus the policy version frozen
// for it, so a badge ticks in the page with exactly the targets the background measures with.
import type { ConversationSnapshot } from '../shared/protocol.ts';
import type { ConversationRecord, PolicyVersion } from '../shared/records.ts';
import { liveClock } from './derive.ts';

export function toSnapshot(rec: ConversationRecord, version: PolicyVersion | null, now: number): ConversationSnapshot {
  return {
    id: rec.id,
    platform: rec.platform,
    channel: rec.channel,
    url: rec.url,
    customer: { ...rec.customer },
    messages: rec.messages.map((m) => ({
      id: m.id,
      role: m.role,
      at: m.at,
      precisionMs: m.precisionMs,
      ...(m.author !== undefined ? { author: m.author } : {}),
    })),
    pauses: rec.pauses.map((p) => ({ ...p })),
    excluded: rec.excluded,
    assignee: rec.assignee,
    policyId: rec.policyId,
    policy: version?.policy ?? null,
    schedule: version?.schedule ?? null,
    ...(rec.topic !== undefined ? { topic: rec.topic } : {}),
    ...(rec.priority !== undefined ? { priority: rec.priority } : {}),
    clock: rec.excluded ? null : liveClock(rec, version, now),
    computedAt: now,
  };
}
