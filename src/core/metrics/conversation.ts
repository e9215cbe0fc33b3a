// What one conversation contributes to the reports, computed with the same clock rules as the badges.
import type { ConversationFacts, OpeningHours, Policy } from '../types.ts';
import { countedMs, hoursForTarget, normalizePauses, ordered, targetFor, walkResponseClocks } from '../clock.ts';

const MINUTE = 60_000;

export interface ConversationFigures {
  firstCustomerAt: number;
  /** Minutes to the first brand reply (business time under the policy; calendar without one); null if none yet. */
  frtMinutes: number | null;
  /** Sum and count of every reply's response time (first and next responses answered by a brand reply). */
  replySum: number;
  replyCount: number;
  /** Brand replies after the first customer message, up to `now`. */
  brandReplies: number;
  /** Minutes from the first customer message to resolution; null when not resolved by `now`. */
  resolutionMinutes: number | null;
  /** First-response verdict: 'within' / 'missed' once decided, null while still running in time, excluded or without a target. */
  verdict: 'within' | 'missed' | null;
  /** The first-response target that verdict was judged against. */
  targetMinutes: number | null;
  /** Clocks (first, next, resolution) breached by `now`: answered late or still running past due. */
  breaches: number;
  firstResponseBreached: boolean;
}

/** A calendar-time policy without targets, so conversations without a policy still get response times. */
const NO_POLICY: Policy = { id: '', schedule: null, match: {} };

/**
 * One pass over the messages as of `now`. Null when the conversation has no customer message yet.
 * FRT counts real replies only; the first-response verdict follows the clock (a conversation resolved while
 * waiting is judged at resolution, like the badge), so `verdict` can exist without an FRT.
 */
export function conversationFigures(
  c: ConversationFacts,
  policy: Policy | null,
  schedule: OpeningHours | null,
  now: number,
  out: ConversationFigures,
): ConversationFigures | null {
  const p = policy ?? NO_POLICY;
  const sched = policy ? schedule : null;
  const pauses = normalizePauses(c.pauses);
  const excluded = c.excluded === true;
  const firstHours = hoursForTarget(p, sched, 'firstResponse');
  const nextHours = hoursForTarget(p, sched, 'nextResponse');
  const firstT = targetFor(p, 'firstResponse');
  const nextT = targetFor(p, 'nextResponse');
  out.frtMinutes = null;
  out.replySum = 0;
  out.replyCount = 0;
  out.brandReplies = 0;
  out.resolutionMinutes = null;
  out.verdict = null;
  out.targetMinutes = firstT ?? null;
  out.breaches = 0;
  out.firstResponseBreached = false;

  const first = walkResponseClocks(c, now, (kind, start, end, byReply) => {
    const isFirst = kind === 'firstResponse';
    const ms = countedMs(isFirst ? firstHours : nextHours, pauses, start, end ?? now);
    const minutes = ms / MINUTE;
    if (byReply) {
      out.replySum += minutes;
      out.replyCount++;
      if (isFirst) out.frtMinutes = minutes;
    }
    const target = isFirst ? firstT : nextT;
    if (target === undefined) return;
    // Same rule as the clock: breached once the counted time reaches the target; an excluded running clock never breaches.
    const breached = ms >= target * MINUTE && (end !== null || !excluded);
    if (breached) out.breaches++;
    if (isFirst) {
      out.firstResponseBreached = breached;
      if (breached) out.verdict = 'missed';
      else if (end !== null) out.verdict = 'within';
    }
  });
  if (first === null) return null;
  out.firstCustomerAt = first;

  for (const m of ordered(c.messages)) {
    if (m.at > now) break;
    if (m.role === 'brand' && m.at >= first) out.brandReplies++;
  }

  const resolvedAt = c.resolvedAt != null && c.resolvedAt <= now ? c.resolvedAt : null;
  const resHours = hoursForTarget(p, sched, 'resolution');
  const resT = targetFor(p, 'resolution');
  const resMs = countedMs(resHours, pauses, first, resolvedAt ?? now);
  if (resolvedAt !== null) out.resolutionMinutes = resMs / MINUTE;
  if (resT !== undefined && resMs >= resT * MINUTE && (resolvedAt !== null || !excluded)) out.breaches++;
  return out;
}

export function emptyFigures(): ConversationFigures {
  return {
    firstCustomerAt: 0,
    frtMinutes: null,
    replySum: 0,
    replyCount: 0,
    brandReplies: 0,
    resolutionMinutes: null,
    verdict: null,
    targetMinutes: null,
    breaches: 0,
    firstResponseBreached: false,
  };
}
