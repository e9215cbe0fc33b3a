// A fake `browser` for settings tests: storage.sync that ENFORCES Chrome's quotas and write-rate limits (and
// fails with Chrome's messages), storage.local, storage.managed (present, missing or throwing), onChanged,
// alarms and permissions. Values are kept as JSON, as the real areas do, so nothing shares references.
import {
  MAX_ITEMS,
  MAX_WRITE_OPERATIONS_PER_HOUR,
  MAX_WRITE_OPERATIONS_PER_MINUTE,
  QUOTA_BYTES,
  QUOTA_BYTES_PER_ITEM,
} from '../../../src/shared/sync/quota.ts';

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;
const bytes = (s: string): number => new TextEncoder().encode(s).length;

class Hub {
  listeners = new Set<Listener>();
  emit(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string): void {
    if (Object.keys(changes).length === 0) return;
    for (const l of this.listeners) l(changes, area);
  }
}

export class FakeArea {
  data = new Map<string, string>();
  /** Timestamps of write operations (set/remove/clear calls), for the rate limits. */
  writeStamps: number[] = [];
  /** Every write call, for assertions. */
  writeLog: { op: 'set' | 'remove'; keys: string[] }[] = [];
  /** Called before each write is applied; throw to simulate a crash or an outage. */
  beforeWrite: ((op: 'set' | 'remove', keys: string[]) => void) | null = null;

  constructor(
    readonly name: string,
    private hub: Hub,
    private quotas: boolean,
  ) {}

  async get(keys?: null | string | string[] | Record<string, unknown>): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    const wanted =
      keys === null || keys === undefined
        ? [...this.data.keys()]
        : typeof keys === 'string'
          ? [keys]
          : Array.isArray(keys)
            ? keys
            : Object.keys(keys);
    for (const k of wanted) {
      const v = this.data.get(k);
      if (v !== undefined) out[k] = JSON.parse(v);
      else if (keys && typeof keys === 'object' && !Array.isArray(keys)) out[k] = (keys as Record<string, unknown>)[k];
    }
    return out;
  }

  private countWrite(): void {
    if (!this.quotas) return;
    const now = Date.now();
    this.writeStamps = this.writeStamps.filter((t) => t > now - 3_600_000);
    if (this.writeStamps.filter((t) => t > now - 60_000).length >= MAX_WRITE_OPERATIONS_PER_MINUTE) {
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    }
    if (this.writeStamps.length >= MAX_WRITE_OPERATIONS_PER_HOUR) {
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
    }
    this.writeStamps.push(now);
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.countWrite();
    this.beforeWrite?.('set', Object.keys(items));
    const next = new Map(this.data);
    for (const [k, v] of Object.entries(items)) {
      const json = JSON.stringify(v);
      if (this.quotas && bytes(k) + bytes(json) > QUOTA_BYTES_PER_ITEM) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      next.set(k, json);
    }
    if (this.quotas) {
      let total = 0;
      for (const [k, v] of next) total += bytes(k) + bytes(v);
      if (total > QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
      if (next.size > MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
    }
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const k of Object.keys(items)) {
      const old = this.data.get(k);
      changes[k] = { ...(old !== undefined ? { oldValue: JSON.parse(old) } : {}), newValue: JSON.parse(next.get(k)!) };
    }
    this.data = next;
    this.writeLog.push({ op: 'set', keys: Object.keys(items) });
    this.hub.emit(changes, this.name);
  }

  async remove(keys: string | string[]): Promise<void> {
    this.countWrite();
    const list = typeof keys === 'string' ? [keys] : keys;
    this.beforeWrite?.('remove', list);
    const changes: Record<string, { oldValue?: unknown }> = {};
    for (const k of list) {
      const old = this.data.get(k);
      if (old !== undefined) changes[k] = { oldValue: JSON.parse(old) };
      this.data.delete(k);
    }
    this.writeLog.push({ op: 'remove', keys: list });
    this.hub.emit(changes, this.name);
  }

  async clear(): Promise<void> {
    await this.remove([...this.data.keys()]);
  }

  /** Bytes in use the way Chrome counts them. */
  bytesInUse(): number {
    let total = 0;
    for (const [k, v] of this.data) total += bytes(k) + bytes(v);
    return total;
  }

  /** Writes without counting against quotas or emitting events (test setup: "this is what sync delivered"). */
  poke(items: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(items)) this.data.set(k, JSON.stringify(v));
  }
}

export function makeFakeBrowser() {
  const hub = new Hub();
  const sync = new FakeArea('sync', hub, true);
  const local = new FakeArea('local', hub, false);
  let managedMode: 'present' | 'missing' | 'throws' = 'present';
  let managedData: Record<string, unknown> = {};
  const managedArea = {
    async get(): Promise<Record<string, unknown>> {
      if (managedMode === 'throws') throw new Error('Managed storage manifest not found');
      return JSON.parse(JSON.stringify(managedData)) as Record<string, unknown>;
    },
  };
  const alarmListeners = new Set<(a: { name: string }) => void>();
  const alarms = new Map<string, { name: string; periodInMinutes?: number }>();
  const granted = new Set<string>();

  const browser = {
    storage: {
      sync,
      local,
      get managed() {
        return managedMode === 'missing' ? undefined : managedArea;
      },
      onChanged: {
        addListener: (l: Listener) => hub.listeners.add(l),
        removeListener: (l: Listener) => hub.listeners.delete(l),
        hasListener: (l: Listener) => hub.listeners.has(l),
      },
    },
    alarms: {
      create: async (name: string, info: { periodInMinutes?: number }) => void alarms.set(name, { name, ...info }),
      get: async (name: string) => alarms.get(name),
      onAlarm: {
        addListener: (l: (a: { name: string }) => void) => alarmListeners.add(l),
        removeListener: (l: (a: { name: string }) => void) => alarmListeners.delete(l),
      },
    },
    permissions: {
      contains: async (p: { origins?: string[] }) => (p.origins ?? []).every((o) => granted.has(o)),
    },
    i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' },
  };

  return {
    browser,
    sync,
    local,
    alarms,
    granted,
    setManaged(data: Record<string, unknown>, mode: 'present' | 'missing' | 'throws' = 'present'): void {
      managedData = data;
      managedMode = mode;
      hub.emit({ policy: { newValue: data } }, 'managed');
    },
    fireAlarm(name: string): void {
      for (const l of alarmListeners) l({ name });
    },
    reset(): void {
      sync.data.clear();
      sync.writeStamps = [];
      sync.writeLog = [];
      sync.beforeWrite = null;
      local.data.clear();
      local.writeLog = [];
      local.beforeWrite = null;
      hub.listeners.clear();
      alarmListeners.clear();
      alarms.clear();
      granted.clear();
      managedData = {};
      managedMode = 'present';
    },
  };
}

export type FakeBrowser = ReturnType<typeof makeFakeBrowser>;

/** The one fake all settings tests share (vi.mock of src/shared/browser.ts returns its `browser`). */
export const fake = makeFakeBrowser();
