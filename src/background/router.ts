// Every message to the background goes through `handleMessage(message, sender, deps)`. `browser` is
// injected through `deps` so the whole router runs (and is tested) without a browser.
//
// Who may send what:
// - only this extension (`sender.id === runtimeId`); messages from other extensions or web pages are refused;
// - `content:*` only from content scripts: a sender with a tab, on a page host we run on;
// - `ui:*` only from our own extension pages (sender.url under the extension's base URL) — EXCEPT
//   `ui:action`, which the badge menu inside content scripts also sends (assign / snooze / "no reply
//   needed" right next to the message), so it is accepted from content scripts on a page host too.
// Malformed or unauthorised messages are answered `{ok:false, error}` and nothing is stored.
import type { TeamConfig } from '../core/types.ts';
import type { ReplyclockDb } from '../shared/db.ts';
import { parseRequest, type ConversationSnapshot, type Envelope, type Reply, type RequestPayload, type RequestType, type Responses } from '../shared/protocol.ts';
import type { ConversationRecord } from '../shared/records.ts';
import { applyAction } from './actions.ts';
import { exportData } from './export.ts';
import { recordHealth } from './health.ts';
import { configWindows, withHours } from './hours-windows.ts';
import { ingest } from './ingest.ts';
import { withQuotaRetry } from './retention.ts';
import { toSnapshot } from './snapshot.ts';
import { buildSummary, liveConversations, type Translate } from './summary.ts';
import { VersionCache } from './versions.ts';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface RouterDeps {
  db: ReplyclockDb;
  /** browser.runtime.id */
  runtimeId: string;
  /** browser.runtime.getURL('') */
  extensionBaseUrl: string;
  now: () => number;
  config: () => Promise<TeamConfig>;
  agent: () => Promise<string>;
  isPageHost: (url: string | undefined, config: TeamConfig) => boolean;
  t: Translate;
  /**
   * Broadcast after a write: to the tabs that showed these ids, and pages. The tab that reported (`from`) hears of
   * them too, except of those whose snapshots its answer already carried (`answered`).
   */
  changed: (ids: string[], from?: { tabId: number; answered?: ReadonlySet<string> }) => void;
  /** Remember which tab draws which conversations (for targeted broadcasts). */
  rememberTab?: (tabId: number, ids: string[]) => void;
  /** The ids of the tabs open now (the popup's detection health shows only theirs). */
  openTabs?: () => Promise<ReadonlySet<number>>;
}

type Handler<T extends RequestType> = (payload: RequestPayload<T>, sender: Sender, deps: RouterDeps) => Promise<Responses[T]>;

export type SenderKind = 'content' | 'page' | 'none';

export function senderKind(sender: Sender, deps: RouterDeps, config: TeamConfig): SenderKind {
  if (sender.id !== deps.runtimeId) return 'none';
  if (sender.url && deps.extensionBaseUrl && sender.url.startsWith(deps.extensionBaseUrl)) return 'page';
  if (sender.tab && deps.isPageHost(sender.url, config)) return 'content';
  return 'none';
}

function allowed(type: RequestType, kind: SenderKind): boolean {
  if (type.startsWith('content:')) return kind === 'content';
  if (type === 'ui:action') return kind === 'page' || kind === 'content';
  return kind === 'page';
}

async function snapshots(deps: RouterDeps, recs: ConversationRecord[]) {
  const versions = new VersionCache(deps.db);
  const now = deps.now();
  const out = [];
  for (const r of recs) out.push(toSnapshot(r, await versions.get(r.versionKey), now));
  return out;
}

/** Snapshots of the conversations stored under these ids, or holding them. */
async function lookup(deps: RouterDeps, ids: string[]): Promise<ConversationSnapshot[]> {
  const found = await deps.db.conversations.bulkGet(ids);
  const recs = found.filter((r): r is ConversationRecord => r !== undefined);
  // An id no longer stored may have been absorbed into another conversation (a follow-up merged into its thread,
  // ingest.ts): answer with the conversation that now holds that message, marked with the id that was asked for.
  const missing = ids.filter((_, i) => found[i] === undefined);
  const holders = await Promise.all(missing.map((id) => deps.db.conversations.where('messageIds').equals(id).first()));
  const snaps = await snapshots(deps, recs);
  const aliased = await snapshots(deps, holders.filter((r): r is ConversationRecord => r !== undefined));
  let k = 0;
  missing.forEach((id, i) => {
    if (holders[i]) aliased[k++]!.requestedId = id;
  });
  return [...snaps, ...aliased];
}

const handlers: { [T in RequestType]: Handler<T> } = {
  'content:observed': async (p, sender, deps) => {
    const now = deps.now();
    const [config, agent] = await Promise.all([deps.config(), deps.agent()]);
    const res = await withQuotaRetry(deps.db, now, () => ingest(deps.db, p.conversations, { now, config, agent }));
    const tabId = sender.tab?.id;
    const refused = (p.rejected ?? []).flatMap((r) => (r.id !== undefined && !res.holders.has(r.id) ? [r.id] : []));
    // This tab draws these (and the threads holding them, and what it reported but was refused): it hears of their changes.
    if (tabId !== undefined) deps.rememberTab?.(tabId, [...p.conversations.map((c) => c.id), ...res.changedIds, ...[...res.holders.values()].map((r) => r.id), ...refused]);
    // The answer carries the batch's snapshots: the tab would otherwise look each conversation up after its report.
    const held = [...res.holders];
    const snaps = await snapshots(deps, held.map(([, rec]) => rec));
    held.forEach(([asked, rec], i) => {
      if (asked !== rec.id) snaps[i]!.requestedId = asked;
    });
    // A conversation refused as invalid may be stored from an earlier report: the tab gets what is stored. (A batch
    // refused whole gets no answer: the content script looks its ids up.)
    if (refused.length) snaps.push(...(await lookup(deps, refused)));
    const from = tabId === undefined ? undefined : { tabId, answered: new Set(res.holders.keys()) };
    if (res.changedIds.length) deps.changed(res.changedIds, from);
    const conversations = withHours(snaps, config, now);
    return p.rejected ? { stored: res.stored, conversations, rejected: p.rejected } : { stored: res.stored, conversations };
  },
  'content:health': async (p, sender, deps) => {
    await recordHealth(deps.db, p.report, sender.tab?.id);
    return { ok: true };
  },
  // The active config, resolved by the background (admin policy, config URL, sync chunks), so content scripts
  // need not carry the settings module and its validator (content-script size budget).
  'content:config': async (_p, _s, deps) => {
    const config = await deps.config();
    return { config, hours: configWindows(config, deps.now()) };
  },
  'content:lookup': async (p, sender, deps) => {
    if (sender.tab?.id !== undefined) deps.rememberTab?.(sender.tab.id, p.ids);
    return { conversations: withHours(await lookup(deps, p.ids), await deps.config(), deps.now()) };
  },
  'ui:action': async (p, sender, deps) => {
    const now = deps.now();
    const agent = await deps.agent();
    const res = await withQuotaRetry(deps.db, now, () => applyAction(deps.db, p.conversationId, p.act, { now, agent }));
    if (!res.record) return { conversation: null };
    deps.changed([p.conversationId], sender.tab?.id === undefined ? undefined : { tabId: sender.tab.id });
    const [snap] = withHours([toSnapshot(res.record, res.version, now)], await deps.config(), now);
    return { conversation: snap! };
  },
  'ui:summary': async (p, _s, deps) =>
    buildSummary(deps.db, { now: p.now ?? deps.now(), config: await deps.config(), t: deps.t, openTabs: await deps.openTabs?.().catch(() => null) }),
  'ui:list': async (p, _s, deps) => {
    const now = deps.now();
    let recs: ConversationRecord[];
    if (p.filter === 'all') {
      recs = await deps.db.conversations.orderBy('updatedAt').reverse().limit(p.limit).toArray();
    } else {
      const live = (await liveConversations(deps.db, now)).filter(({ rec, clock }) =>
        p.filter === 'open' ? rec.status === 'open' : p.filter === 'at-risk' ? clock?.state === 'warning' : clock?.state === 'breached',
      );
      live.sort((a, b) => (a.clock?.dueAt ?? Infinity) - (b.clock?.dueAt ?? Infinity));
      recs = live.slice(0, p.limit).map((i) => i.rec);
    }
    return { conversations: await snapshots(deps, recs) };
  },
  'ui:export': async (p, _s, deps) => exportData(deps.db, p.format, deps.now()),
  'ui:delete-all': async (_p, _s, deps) => {
    const db = deps.db;
    const deleted = await db.transaction('rw', [db.conversations, db.events, db.daily, db.versions, db.kv, db.facts], async () => {
      const ids = await db.conversations.toCollection().primaryKeys();
      await Promise.all([db.conversations.clear(), db.events.clear(), db.daily.clear(), db.versions.clear(), db.kv.clear(), db.facts.clear()]);
      return ids;
    });
    if (deleted.length) deps.changed(deleted);
    return { deleted: deleted.length };
  },
};

export async function handleMessage(raw: unknown, sender: Sender, deps: RouterDeps): Promise<Reply<RequestType>> {
  const parsed = parseRequest(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error, refused: true };
  const env = parsed.envelope;
  try {
    const config = await deps.config();
    if (!allowed(env.type, senderKind(sender, deps, config))) return { ok: false, error: `${env.type}: not allowed from this sender` };
    const handler = handlers[env.type] as Handler<RequestType>;
    const value = await handler((env as Envelope).payload, sender, deps);
    return { ok: true, value } as Reply<RequestType>;
  } catch (err) {
    return { ok: false, error: `${env.type}: ${err instanceof Error ? err.message : String(err)}` };
  }
}
