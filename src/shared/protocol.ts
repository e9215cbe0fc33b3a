// The one message protocol between Replyclock's contexts. Names say the direction:
//   content:*  content script → background      ui:*  extension page → background
//   bg:*       background → content scripts and pages (broadcast, no answer expected)
// Every request is validated here, at the boundary, before the background acts on it;
// malformed payloads are answered with an error and never stored.
import * as v from 'valibot';
import type { Channel, ClockReading, OpeningHours, Policy, Role, TeamConfig } from '../core/types.ts';
import { fitObserved, LIMITS } from './limits.ts';
import type { HoursWindow } from '../core/hours/window.ts';
import type { PopupSummary } from './summary.ts';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id));
const epoch = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(8.64e15));
const shortText = v.pipe(v.string(), v.maxLength(LIMITS.text));

export const RoleSchema = v.picklist(['customer', 'brand', 'note'] satisfies Role[]);
export const ChannelSchema = v.picklist(['public', 'dm', 'ticket', 'chat'] satisfies Channel[]);

/** One message as a content script saw it. */
export const ObservedMessageSchema = v.object({
  id,
  role: RoleSchema,
  /** The site's own timestamp (epoch ms), or null when the page shows none. */
  at: v.nullable(epoch),
  /** When this browser first saw it. */
  firstSeenAt: epoch,
  /** ± ms the site time may be off: 0 exact, 30 min for Facebook's "2 h". */
  precisionMs: v.pipe(v.number(), v.finite(), v.minValue(0)),
  author: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.author))),
  text: v.optional(shortText),
});
export type ObservedMessage = v.InferOutput<typeof ObservedMessageSchema>;

export const ObservedConversationSchema = v.object({
  /** Stable per platform: "x:<status id>", "facebook:<comment id>", "zendesk:<host>:<ticket id>". */
  id,
  platform: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.platform)),
  channel: ChannelSchema,
  // Only http(s): stored URLs are opened from notifications and linked from the popup.
  url: v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//i, 'must be an http(s) address'), v.maxLength(LIMITS.url)),
  customer: v.object({
    handle: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.handle))),
    name: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.name))),
  }),
  messages: v.pipe(v.array(ObservedMessageSchema), v.minLength(1), v.maxLength(LIMITS.messages)),
  topic: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.topic))),
  priority: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.priority))),
});
export type ObservedConversation = v.InferOutput<typeof ObservedConversationSchema>;

/** Per site and page: did the site's selectors match what the page should hold? */
export const HealthReportSchema = v.object({
  site: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.platform)),
  url: v.pipe(v.string(), v.maxLength(LIMITS.url)),
  /** 'ok': conversations found; 'empty': the page legitimately holds none yet; 'mismatch': it should, but nothing matched. */
  status: v.picklist(['ok', 'empty', 'mismatch']),
  detail: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.detail))),
  at: epoch,
});
export type HealthReport = v.InferOutput<typeof HealthReportSchema>;

export const AgentActionSchema = v.variant('action', [
  v.object({ action: v.literal('assign') }),
  v.object({ action: v.literal('unassign') }),
  v.object({ action: v.literal('exclude'), reason: v.optional(v.pipe(v.string(), v.maxLength(200))) }),
  v.object({ action: v.literal('snooze'), until: epoch }),
  v.object({ action: v.literal('reopen') }),
]);
export type AgentAction = v.InferOutput<typeof AgentActionSchema>;

/** What a content script or page needs to draw one conversation's clock. */
export interface ConversationSnapshot {
  id: string;
  /** Set when a content script asked for an id this conversation has absorbed (an X follow-up merged into its thread). */
  requestedId?: string;
  platform: string;
  channel: Channel;
  url: string;
  customer: { handle?: string; name?: string };
  messages: { id: string; role: Role; at: number; precisionMs: number; author?: string }[];
  pauses: { from: number; to: number | null; reason?: string; by?: string }[];
  excluded: boolean;
  assignee: string | null;
  policyId: string | null;
  /** The policy and schedule frozen for this conversation at detection (null schedule = calendar time). */
  policy: Policy | null;
  schedule: OpeningHours | null;
  /** Open intervals of `schedule` around now, sent when it differs from the active config's schedule of that id. */
  hours?: HoursWindow;
  topic?: string;
  priority?: string;
  /** Computed by the background at `computedAt` against the policy version recorded for this conversation. */
  clock: ClockReading | null;
  computedAt: number;
}

// ---- Requests: type → payload schema, and the answer's type ----

export const RequestSchemas = {
  // Typed as a list of valid conversations; parsed one conversation at a time (parseObserved below).
  'content:observed': v.object({ conversations: v.pipe(v.array(ObservedConversationSchema), v.maxLength(LIMITS.batch)) }),
  'content:health': v.object({ report: HealthReportSchema }),
  'content:config': v.object({}),
  'content:lookup': v.object({ ids: v.pipe(v.array(id), v.maxLength(2000)) }),
  'ui:action': v.object({ conversationId: id, act: AgentActionSchema }),
  'ui:summary': v.object({ now: v.optional(epoch) }),
  'ui:list': v.object({
    filter: v.picklist(['open', 'at-risk', 'breached', 'all']),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
  }),
  'ui:export': v.object({ format: v.picklist(['json', 'csv']) }),
  'ui:delete-all': v.object({ confirm: v.literal(true) }),
} as const;

export type RequestType = keyof typeof RequestSchemas;
export type RequestPayload<T extends RequestType> = v.InferOutput<(typeof RequestSchemas)[T]> &
  (T extends 'content:observed' ? { /** Set by parseRequest: conversations of the batch refused as invalid. */ rejected?: RejectedObservation[] } : unknown);

/** Answers per request type. The background's handlers must return exactly these. */
export interface Responses {
  /**
   * `rejected`: conversations of the batch that were invalid and not stored (the rest were). `conversations`: the
   * snapshot of each stored conversation of the batch (`requestedId` when it is held under another id), so the
   * reporting tab needs no lookup after its report.
   */
  'content:observed': { stored: number; conversations: ConversationSnapshot[]; rejected?: RejectedObservation[] };
  'content:health': { ok: true };
  /** `hours`: each config schedule's open intervals around now, by schedule id (content scripts carry no hours engine). */
  'content:config': { config: TeamConfig; hours: Record<string, HoursWindow> };
  'content:lookup': { conversations: ConversationSnapshot[] };
  'ui:action': { conversation: ConversationSnapshot | null };
  'ui:summary': PopupSummary;
  'ui:list': { conversations: ConversationSnapshot[] };
  'ui:export': { filename: string; mime: string; body: string };
  'ui:delete-all': { deleted: number };
}

export interface Envelope<T extends RequestType = RequestType> {
  rc: 1;
  type: T;
  payload: RequestPayload<T>;
}

/** `refused`: the request itself was invalid (sending it again cannot succeed), as opposed to a failure while handling it. */
export type Reply<T extends RequestType> = { ok: true; value: Responses[T] } | { ok: false; error: string; refused?: true };

// ---- Broadcasts: background → everyone ----
export type Broadcast =
  | { rc: 1; type: 'bg:conversations-changed'; ids: string[] }
  | { rc: 1; type: 'bg:settings-changed' };

/** Parse an incoming request. Returns the typed envelope or a readable error naming each bad path. */
export interface RejectedObservation {
  /** The conversation's id when it had a usable one. */
  id?: string;
  error: string;
}

function problems(issues: readonly v.BaseIssue<unknown>[], prefix = ''): string[] {
  return issues.map((i) => `${prefix}${v.getDotPath(i) ?? '(payload)'}: ${i.message}`);
}

const ObservedBatchShape = v.object({ conversations: v.pipe(v.array(v.unknown()), v.maxLength(LIMITS.batch)) });

/**
 * Page text over a limit (a 2,000-character display name, a very long post) is clipped here, for every site at once,
 * rather than making the observation invalid: `fitObserved` on what has an observation's shape. What clipping cannot
 * mend (an over-long id or URL, a wrong type) stays as sent, and validation names it.
 */
function fitted(raw: unknown): unknown {
  try {
    return fitObserved(raw as ObservedConversation) ?? raw;
  } catch {
    return raw; // not shaped like an observation at all
  }
}

/**
 * A batch is checked one conversation at a time: an invalid one is refused (named with its path and problem)
 * and never stored, while the valid ones beside it are stored. A batch with nothing valid is refused whole.
 */
function parseObserved(payload: unknown): { ok: true; envelope: Envelope } | { ok: false; error: string } {
  const type = 'content:observed';
  const shape = v.safeParse(ObservedBatchShape, payload);
  if (!shape.success) return { ok: false, error: `${type}: ${problems(shape.issues).join('; ')}` };
  const conversations: ObservedConversation[] = [];
  const rejected: RejectedObservation[] = [];
  shape.output.conversations.forEach((raw, i) => {
    const one = v.safeParse(ObservedConversationSchema, fitted(raw));
    if (one.success) conversations.push(one.output);
    else {
      const rawId = (raw as { id?: unknown } | null)?.id;
      const error = problems(one.issues, `conversations.${i}.`).join('; ');
      rejected.push(typeof rawId === 'string' && rawId.length > 0 && rawId.length <= LIMITS.id ? { id: rawId, error } : { error });
    }
  });
  if (conversations.length === 0 && rejected.length > 0) return { ok: false, error: `${type}: ${rejected.map((r) => r.error).join('; ')}` };
  const out: RequestPayload<'content:observed'> = { conversations };
  if (rejected.length) out.rejected = rejected;
  return { ok: true, envelope: { rc: 1, type, payload: out } };
}

export function parseRequest(raw: unknown): { ok: true; envelope: Envelope } | { ok: false; error: string } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'message is not an object' };
  const r = raw as { rc?: unknown; type?: unknown; payload?: unknown };
  if (r.rc !== 1) return { ok: false, error: 'not a Replyclock message' };
  if (typeof r.type !== 'string' || !(r.type in RequestSchemas)) {
    return { ok: false, error: `unknown message type ${JSON.stringify(r.type)}` };
  }
  const type = r.type as RequestType;
  if (type === 'content:observed') return parseObserved(r.payload);
  const result = v.safeParse(RequestSchemas[type], r.payload);
  if (!result.success) return { ok: false, error: `${type}: ${problems(result.issues).join('; ')}` };
  return { ok: true, envelope: { rc: 1, type, payload: result.output } as Envelope };
}
