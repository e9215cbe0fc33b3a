// Which tabs showed which conversations, so a change is pushed only to the tabs that draw it.
// Persisted in kv (the worker may restart between a tab reporting and the change it must hear about), append-only: a
// report's new ids are one small row `tabs/<tab>/<seq>`. Rewriting a tab's whole list (up to 2,000 ids, ~50 KB) with
// every report was half as much IndexedDB writing as the conversations themselves while a timeline scrolled.
import { KV, type ReplyclockDb } from '../shared/db.ts';
import { nextSeq } from './seq.ts';

const PREFIX = 'tabs/';
/**
 * The newest ids a tab is remembered for (a long scroll reports thousands; older ones left its page long ago): kept to
 * this many when a tab's rows are folded, which happens once it has a quarter more or MAX_ROWS_PER_TAB rows.
 */
export const MAX_IDS_PER_TAB = 2000;
/** Rows a tab may have before they are folded into one. */
const MAX_ROWS_PER_TAB = 64;

interface TabIds {
  /** In the order first reported. */
  ids: Set<string>;
  /** Its kv rows' keys. */
  rows: string[];
}

const tabRange = (tabId: number): [string, string] => [`${PREFIX}${tabId}/`, `${PREFIX}${tabId}/\uffff`];

export class TabRegistry {
  private loaded: Promise<Map<number, TabIds>> | null = null;
  /** Tabs closed in this browser session: a report answered after its tab closed must not bring the tab back. */
  private readonly closed = new Set<number>();
  constructor(private readonly db: ReplyclockDb) {}

  /** Read once per worker (memoised: calls racing at start-up share one read; a failed read is tried again next time). */
  private load(): Promise<Map<number, TabIds>> {
    return (this.loaded ??= this.read().catch((err: unknown) => {
      this.loaded = null;
      throw err;
    }));
  }

  private async read(): Promise<Map<number, TabIds>> {
    const tabs = new Map<number, TabIds>();
    // Key order is write order within a tab (seq.ts).
    for (const row of await this.db.kv.where('key').between(PREFIX, `${PREFIX}\uffff`).toArray()) {
      const tabId = Number(row.key.split('/')[1]);
      const t = this.entry(tabs, tabId);
      for (const id of row.value as string[]) t.ids.add(id);
      t.rows.push(row.key);
    }
    // The whole-list row of earlier versions: an update ends every tab's content script, so it names no live page.
    void this.db.kv.delete(KV.tabs).catch(() => undefined);
    return tabs;
  }

  /** A new browser session: tab ids start over, so no row names a live tab. */
  async clear(): Promise<void> {
    this.loaded = Promise.resolve(new Map());
    this.closed.clear();
    await this.db.kv.where('key').between(PREFIX, `${PREFIX}\uffff`).delete();
  }

  private entry(tabs: Map<number, TabIds>, tabId: number): TabIds {
    let t = tabs.get(tabId);
    if (!t) tabs.set(tabId, (t = { ids: new Set(), rows: [] }));
    return t;
  }

  async remember(tabId: number, ids: readonly string[]): Promise<void> {
    const tabs = await this.load();
    if (this.closed.has(tabId)) return;
    const t = this.entry(tabs, tabId);
    const fresh = [...new Set(ids)].filter((id) => !t.ids.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) t.ids.add(id);
    const key = `${PREFIX}${tabId}/${nextSeq()}`;
    if (t.ids.size <= MAX_IDS_PER_TAB * 1.25 && t.rows.length < MAX_ROWS_PER_TAB) {
      t.rows.push(key);
      await this.db.kv.put({ key, value: fresh });
      return;
    }
    // Folded into one row of the newest ids. The rows replaced are the ones known now: a row another call adds
    // meanwhile has a later key and stays.
    const kept = [...t.ids].slice(-MAX_IDS_PER_TAB);
    const old = t.rows;
    t.ids = new Set(kept);
    t.rows = [key];
    await this.db.transaction('rw', this.db.kv, async () => {
      await this.db.kv.bulkDelete(old);
      await this.db.kv.put({ key, value: kept });
    });
  }

  async forget(tabId: number): Promise<void> {
    this.closed.add(tabId);
    const tabs = await this.load();
    if (!tabs.delete(tabId)) return;
    const [from, to] = tabRange(tabId);
    await this.db.kv.where('key').between(from, to).delete();
  }

  /** Tabs that showed any of `ids`. */
  async tabsFor(ids: readonly string[]): Promise<number[]> {
    const tabs = await this.load();
    return [...tabs].filter(([, t]) => ids.some((id) => t.ids.has(id))).map(([tab]) => tab);
  }
}
