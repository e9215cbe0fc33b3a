// Service-level reports over many conversations: one pass to accumulate, one sort per figure at the end.
import type {
  Channel,
  ConversationFacts,
  OpeningHours,
  Policy,
  RatingCategory,
  RatingLevel,
  RatingThresholds,
} from '../types.ts';
import { CHANNELS } from '../types.ts';
import { conversationFigures, emptyFigures } from './conversation.ts';
import type { ConversationFigures } from './conversation.ts';
import { HeatmapCounter } from './heatmap.ts';
import { ratingCategory, rateMinutes, thresholdsFor } from './rating.ts';
import { median, percentile, sortedCopy } from './stats.ts';

export type MetricsConversation = ConversationFacts & {
  id: string;
  policy: Policy | null;
  schedule: OpeningHours | null;
  agent?: string | null;
};

export interface MetricsInput {
  conversations: readonly MetricsConversation[];
  /** Period [from, to): a conversation counts when its first customer message falls in it. */
  from: number;
  to: number;
  /** Clocks still running are judged as of this instant. */
  now: number;
  ratings?: Partial<Record<RatingCategory, RatingThresholds>>;
  /** Zone of the hour × weekday heatmap; default: each conversation's schedule zone, else UTC. */
  timeZone?: string;
}

export interface MetricsFigures {
  /** Conversations whose first customer message falls in the period. */
  volume: number;
  /** … of which the team has replied to. */
  answered: number;
  /** First response time in minutes (business time under the applied policy, calendar time without one). */
  frtCount: number;
  frtMeanMinutes: number | null;
  frtMedianMinutes: number | null;
  /** Nearest-rank 90th percentile (see `percentile`). */
  frtP90Minutes: number | null;
  /** Mean over every brand reply that answered waiting customer messages (first and next responses). */
  avgResponseMinutes: number | null;
  responseCount: number;
  resolved: number;
  resolutionMeanMinutes: number | null;
  resolutionMedianMinutes: number | null;
  /**
   * Share (0–1) of first-response clocks that were stopped within target, among those already decided: stopped
   * (answered or resolved) or breached. Open conversations still within target are not counted yet, and neither are
   * excluded ones or ones without a first-response target. Null when none are decided.
   */
  withinTarget: number | null;
  withinCount: number;
  judgedCount: number;
  /** The most common first-response target among judged conversations ("93 % within 60 min"); ties: the smaller. */
  targetMinutes: number | null;
  /** Breached clocks of any kind (first, next, resolution), answered late or overdue at `now`. */
  breaches: number;
  firstResponseBreaches: number;
  /** Resolved with exactly one brand reply ÷ resolved. */
  oneTouchRate: number | null;
  /** Brand replies per resolved conversation. */
  repliesPerResolved: number | null;
}

export interface RatingResult {
  level: RatingLevel;
  medianMinutes: number;
  count: number;
}

export interface Metrics {
  from: number;
  to: number;
  now: number;
  overall: MetricsFigures;
  byPlatform: Record<string, MetricsFigures>;
  byChannel: Partial<Record<Channel, MetricsFigures>>;
  /** Keyed by policy id; conversations without a policy under NO_POLICY_KEY. */
  byPolicy: Record<string, MetricsFigures>;
  /** Keyed by agent; conversations without one under UNASSIGNED_KEY. */
  byAgent: Record<string, MetricsFigures>;
  /** Conversations by weekday (row 0 = Monday) × local hour (0–23). */
  heatmap: { timeZone: string | null; cells: number[][] };
  /** Per rating category, from the median first response of answered conversations; missing when none answered. */
  ratings: Partial<Record<RatingCategory, RatingResult>>;
  /** The same levels per channel (public and dm share the social rating). */
  ratingByChannel: Partial<Record<Channel, RatingLevel>>;
}

export const NO_POLICY_KEY = '(none)';
export const UNASSIGNED_KEY = '(unassigned)';

class Accumulator {
  volume = 0;
  answered = 0;
  frt: number[] = [];
  frtSum = 0;
  replySum = 0;
  replyCount = 0;
  resolution: number[] = [];
  resolutionSum = 0;
  oneTouch = 0;
  repliesOnResolved = 0;
  within = 0;
  judged = 0;
  targets = new Map<number, number>();
  breaches = 0;
  frBreaches = 0;

  add(f: ConversationFigures): void {
    this.volume++;
    if (f.frtMinutes !== null) {
      this.answered++;
      this.frt.push(f.frtMinutes);
      this.frtSum += f.frtMinutes;
    }
    this.replySum += f.replySum;
    this.replyCount += f.replyCount;
    if (f.resolutionMinutes !== null) {
      this.resolution.push(f.resolutionMinutes);
      this.resolutionSum += f.resolutionMinutes;
      this.repliesOnResolved += f.brandReplies;
      if (f.brandReplies === 1) this.oneTouch++;
    }
    if (f.verdict !== null) {
      this.judged++;
      if (f.verdict === 'within') this.within++;
      if (f.targetMinutes !== null) this.targets.set(f.targetMinutes, (this.targets.get(f.targetMinutes) ?? 0) + 1);
    }
    this.breaches += f.breaches;
    if (f.firstResponseBreached) this.frBreaches++;
  }

  figures(): MetricsFigures {
    const frt = sortedCopy(this.frt);
    const res = sortedCopy(this.resolution);
    const resolved = res.length;
    let modal: number | null = null;
    let modalCount = 0;
    for (const [target, n] of this.targets) {
      if (n > modalCount || (n === modalCount && modal !== null && target < modal)) {
        modal = target;
        modalCount = n;
      }
    }
    return {
      volume: this.volume,
      answered: this.answered,
      frtCount: frt.length,
      frtMeanMinutes: frt.length ? this.frtSum / frt.length : null,
      frtMedianMinutes: median(frt),
      frtP90Minutes: percentile(frt, 90),
      avgResponseMinutes: this.replyCount ? this.replySum / this.replyCount : null,
      responseCount: this.replyCount,
      resolved,
      resolutionMeanMinutes: resolved ? this.resolutionSum / resolved : null,
      resolutionMedianMinutes: median(res),
      withinTarget: this.judged ? this.within / this.judged : null,
      withinCount: this.within,
      judgedCount: this.judged,
      targetMinutes: modal,
      breaches: this.breaches,
      firstResponseBreaches: this.frBreaches,
      oneTouchRate: resolved ? this.oneTouch / resolved : null,
      repliesPerResolved: resolved ? this.repliesOnResolved / resolved : null,
    };
  }
}

function bucket(map: Map<string, Accumulator>, key: string): Accumulator {
  let a = map.get(key);
  if (!a) {
    a = new Accumulator();
    map.set(key, a);
  }
  return a;
}

// Object.fromEntries defines own data properties, so a key like "__proto__" (an agent's name) stays a plain key.
function figuresOf(map: Map<string, Accumulator>): Record<string, MetricsFigures> {
  return Object.fromEntries([...map].map(([k, a]) => [k, a.figures()]));
}

/**
 * Service-level figures for the conversations that started in [from, to), overall and split by platform, channel,
 * policy and agent, plus an hour × weekday volume heatmap and the five-level rating per channel category.
 * Single pass over the conversations; sorting happens once per figure at the end.
 */
export function computeMetrics(input: MetricsInput): Metrics {
  const { from, to, now } = input;
  const overall = new Accumulator();
  const byPlatform = new Map<string, Accumulator>();
  const byChannel = new Map<string, Accumulator>();
  const byPolicy = new Map<string, Accumulator>();
  const byAgent = new Map<string, Accumulator>();
  const ratingFrt: Record<RatingCategory, number[]> = { social: [], email: [], chat: [] };
  const heat = new HeatmapCounter();
  let heatZone: string | null | undefined = input.timeZone;
  const scratch = emptyFigures();

  for (const c of input.conversations) {
    const f = conversationFigures(c, c.policy, c.schedule, now, scratch);
    if (f === null || f.firstCustomerAt < from || f.firstCustomerAt >= to) continue;
    overall.add(f);
    bucket(byPlatform, c.platform).add(f);
    bucket(byChannel, c.channel).add(f);
    bucket(byPolicy, c.policy ? c.policy.id : NO_POLICY_KEY).add(f);
    bucket(byAgent, c.agent || UNASSIGNED_KEY).add(f);
    if (f.frtMinutes !== null) ratingFrt[ratingCategory(c.channel)].push(f.frtMinutes);
    const zone = input.timeZone ?? c.schedule?.timeZone ?? 'UTC';
    if (heatZone === undefined) heatZone = zone;
    else if (heatZone !== zone) heatZone = null;
    heat.add(zone, f.firstCustomerAt);
  }

  const ratings: Partial<Record<RatingCategory, RatingResult>> = {};
  for (const cat of ['social', 'email', 'chat'] as const) {
    const m = median(sortedCopy(ratingFrt[cat]));
    if (m === null) continue;
    ratings[cat] = { level: rateMinutes(m, thresholdsFor(cat, input.ratings)), medianMinutes: m, count: ratingFrt[cat].length };
  }
  const ratingByChannel: Partial<Record<Channel, RatingLevel>> = {};
  for (const ch of CHANNELS) {
    const r = ratings[ratingCategory(ch)];
    if (r) ratingByChannel[ch] = r.level;
  }

  return {
    from,
    to,
    now,
    overall: overall.figures(),
    byPlatform: figuresOf(byPlatform),
    byChannel: figuresOf(byChannel) as Partial<Record<Channel, MetricsFigures>>,
    byPolicy: figuresOf(byPolicy),
    byAgent: figuresOf(byAgent),
    heatmap: { timeZone: heatZone ?? null, cells: heat.cells },
    ratings,
    ratingByChannel,
  };
}
