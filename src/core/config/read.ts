// Defensive reading of untrusted input for validateConfig. Every access to the input goes through here so
// that nothing the caller hands in (getters that throw, Proxies, cycles, BigInt, Symbols, "__proto__" keys)
// can make validation throw or run the caller's code: only own DATA properties are ever read.

export interface ConfigError {
  path: string;
  message: string;
}

/** Path of the file's top level, used when the whole input is wrong (never an empty string). */
export const ROOT_PATH = '(root)';

/** Stop collecting after this many problems so a hostile file cannot make the error list itself huge. */
export const MAX_ERRORS = 500;

export class Collector {
  readonly errors: ConfigError[] = [];
  private dropped = 0;

  add(path: string, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ path: path || ROOT_PATH, message });
    else this.dropped++;
  }

  /** Errors, with one closing line when some were left out. */
  result(): ConfigError[] {
    if (this.dropped === 0) return this.errors;
    return [...this.errors, { path: ROOT_PATH, message: `${this.dropped} more problems not listed; fix the ones above first` }];
  }
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `schedules[0].week.mon`; keys that are not identifiers are quoted: `brands["my key"]`. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  // A junk key can be megabytes long; a shortened one still shows where the problem is.
  if (key.length > 100) key = `${key.slice(0, 99)}…`;
  if (IDENT.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/** Short human description of a value's type for "must be …, not …" messages. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string':
      return 'text';
    case 'number':
      return Number.isFinite(v) ? 'a number' : `${String(v)}`;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return 'a BigInt';
    case 'symbol':
      return 'a Symbol';
    case 'function':
      return 'a function';
    case 'undefined':
      return 'undefined';
    default:
      return 'an object';
  }
}

/** Quotes a user string for a message, shortened so a megabyte of garbage does not end up in the error list. */
export function q(s: string): string {
  const short = s.length > 60 ? `${s.slice(0, 57)}…` : s;
  return JSON.stringify(short);
}

export type Own = { kind: 'value'; value: unknown } | { kind: 'absent' } | { kind: 'bad'; why: string };

/** Reads an own data property without ever invoking a getter or Proxy-dependent prototype lookups. */
export function own(obj: object, key: string): Own {
  try {
    const d = Object.getOwnPropertyDescriptor(obj, key);
    if (!d) return { kind: 'absent' };
    if (!('value' in d)) return { kind: 'bad', why: 'is a getter, not a plain value' };
    // A key explicitly set to undefined (possible from JS, never from JSON) counts as absent.
    if (d.value === undefined) return { kind: 'absent' };
    return { kind: 'value', value: d.value };
  } catch {
    return { kind: 'bad', why: 'could not be read' };
  }
}

export function isObject(v: unknown): v is object {
  try {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    // Array.isArray throws on a revoked Proxy.
    return false;
  }
}

export function isList(v: unknown): v is unknown[] {
  try {
    return Array.isArray(v);
  } catch {
    return false;
  }
}

/** Own enumerable string keys, or null when the object refuses to list them (a hostile Proxy). */
export function keysOf(obj: object): string[] | null {
  try {
    return Object.keys(obj);
  } catch {
    return null;
  }
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 99;
}

/** The known word a typo most likely meant: same letters in another case, a prefix ("monday" → "mon"), or 1–2 edits away. */
export function closest(word: string, known: readonly string[]): string | undefined {
  if (word.length > 64) return undefined;
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const k of known) {
    const l = k.toLowerCase();
    let score: number;
    if (l === w) score = 0;
    else if (w.length >= 3 && l.length >= 3 && (w.startsWith(l) || l.startsWith(w))) score = 1;
    else {
      const d = distance(w, l);
      score = d <= (Math.min(w.length, l.length) <= 4 ? 1 : 2) ? d + 1 : Infinity;
    }
    if (score < bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return best;
}

export function didYouMean(word: string, known: readonly string[]): string {
  const hit = closest(word, known);
  return hit === undefined ? '' : ` — did you mean ${q(hit)}?`;
}
