// Reads what the reports page needs straight from IndexedDB (extension pages may open it; content
// scripts never do). Only the conversations started in the range are loaded.
import type { ReplyclockDb } from '../shared/db.ts';
import { eventsAbout } from '../shared/events.ts';
import type { ConversationRecord, EventRecord, PolicyVersion } from '../shared/records.ts';

export interface ReportData {
  records: ConversationRecord[];
  versions: Map<string, PolicyVersion>;
  events: EventRecord[];
}

export type ReportLoader = (from: number, to: number) => Promise<ReportData>;

export function dbLoader(db: ReplyclockDb): ReportLoader {
  return async (from, to) => {
    const records = await db.conversations.where('firstCustomerAt').between(from, to, true, false).toArray();
    const versions = new Map((await db.versions.toArray()).map((v) => [v.key, v] as const));
    // Events only for conversations that can appear in the breach list keeps this small over long ranges.
    const breachedIds = records.filter((r) => r.withinTarget === false || r.clockState === 'breached').map((r) => r.id);
    const events = await eventsAbout(db.events, breachedIds);
    return { records, versions, events };
  };
}
