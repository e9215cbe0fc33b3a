// Which tabs showed which conversations, so a change is pushed only to the tabs that draw it.
// Persisted in kv: the worker may restart between a tab reporting and the change it must hear about.
import { KV, kvGet, kvSet, type ReplyclockDb } from '../shared/db.ts';

const MAX_IDS_PER_TAB = 2000;

export class TabRegistry {
  private tabs: Map<number, string[]> | null = null;
  constructor(private readonly db: ReplyclockDb) {}

  private async load(): Promise<Map<number, string[]>> {
    if (!this.tabs) {
      const raw = (await kvGet<Record<string, string[]>>(this.db, KV.tabs)) ?? {};
      this.tabs = new Map(Object.entries(raw).map(([k, v]) => [Number(k), v]));
    }
    return this.tabs;
  }

  private async save(): Promise<void> {
    await kvSet(this.db, KV.tabs, Object.fromEntries(this.tabs ?? []));
  }

  async remember(tabId: number, ids: readonly string[]): Promise<void> {
    const tabs = await this.load();
    const merged = [...new Set([...(tabs.get(tabId) ?? []), ...ids])].slice(-MAX_IDS_PER_TAB);
    tabs.set(tabId, merged);
    await this.save();
  }

  async forget(tabId: number): Promise<void> {
    const tabs = await this.load();
    if (tabs.delete(tabId)) await this.save();
  }

  /** Tabs that showed any of `ids`. */
  async tabsFor(ids: readonly string[]): Promise<number[]> {
    const want = new Set(ids);
    const tabs = await this.load();
    return [...tabs.entries()].filter(([, list]) => list.some((id) => want.has(id))).map(([tab]) => tab);
  }
}
