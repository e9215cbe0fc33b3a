// Typed readers for validateConfig: each reports its own problem by path and returns null when the value is unusable,
// so callers can keep going and report every other problem too.
import { type Collector, at, describe, didYouMean, isList, isObject, keysOf, own, q } from './read.ts';

/** At most this many "unknown key" lines per object; a file with a million junk keys gets one summary line instead. */
const MAX_UNKNOWN_REPORTED = 20;

/**
 * Reads the known keys of an object (own data properties only) and reports missing required keys and every
 * unknown key, with a "did you mean" hint. Unknown keys (including "__proto__") are never copied anywhere.
 */
export function fields(
  c: Collector,
  v: unknown,
  path: string,
  known: readonly string[],
  required: readonly string[],
  what: string,
): Map<string, unknown> | null {
  if (!isObject(v)) {
    c.add(path, `must be ${what}, not ${describe(v)}`);
    return null;
  }
  const out = new Map<string, unknown>();
  for (const k of known) {
    const r = own(v, k);
    if (r.kind === 'value') out.set(k, r.value);
    else if (r.kind === 'bad') c.add(at(path, k), r.why);
    else if (required.includes(k)) c.add(at(path, k), 'is missing');
  }
  const keys = keysOf(v);
  if (keys === null) {
    c.add(path, 'could not be read');
    return out;
  }
  let unknown = 0;
  for (const k of keys) {
    if (known.includes(k)) continue;
    if (unknown < MAX_UNKNOWN_REPORTED) c.add(at(path, k), `unknown key ${q(k)}${didYouMean(k, known)}`);
    unknown++;
  }
  if (unknown > MAX_UNKNOWN_REPORTED) c.add(path, `${unknown - MAX_UNKNOWN_REPORTED} more unknown keys`);
  return out;
}

/** The readable entries of a list as [index, value]; holes, getters and over-long lists are reported. */
export function items(c: Collector, v: unknown, path: string, max: number, what: string): [number, unknown][] | null {
  if (!isList(v)) {
    c.add(path, `must be ${what}, not ${describe(v)}`);
    return null;
  }
  const len = own(v, 'length');
  if (len.kind !== 'value' || typeof len.value !== 'number') {
    c.add(path, 'could not be read');
    return null;
  }
  if (len.value > max) {
    c.add(path, `has ${len.value} entries; at most ${max} are allowed`);
    return null;
  }
  const out: [number, unknown][] = [];
  for (let i = 0; i < len.value; i++) {
    const r = own(v, String(i));
    if (r.kind === 'value') out.push([i, r.value]);
    else c.add(at(path, i), r.kind === 'bad' ? r.why : 'is missing (an empty slot in the list)');
  }
  return out;
}

export interface TextRule {
  max: number;
  /** Allow "" (default: not allowed). */
  empty?: boolean;
}

export function text(c: Collector, v: unknown, path: string, rule: TextRule): string | null {
  if (typeof v !== 'string') {
    c.add(path, `must be text, not ${describe(v)}`);
    return null;
  }
  if (!rule.empty && v.trim() === '') {
    c.add(path, 'must not be empty');
    return null;
  }
  if (v.length > rule.max) {
    c.add(path, `is ${v.length} characters long; at most ${rule.max} are allowed`);
    return null;
  }
  return v;
}

export function bool(c: Collector, v: unknown, path: string): boolean | null {
  if (typeof v !== 'boolean') {
    c.add(path, `must be true or false, not ${describe(v)}`);
    return null;
  }
  return v;
}

export function finite(c: Collector, v: unknown, path: string): number | null {
  if (typeof v !== 'number') {
    c.add(path, `must be a number, not ${describe(v)}`);
    return null;
  }
  if (!Number.isFinite(v)) {
    c.add(path, `must be a finite number, not ${String(v)}`);
    return null;
  }
  return v;
}

/** A number in (min, max] (exclusive min) or [min, max] when `inclusiveMin`. */
export function numberIn(
  c: Collector,
  v: unknown,
  path: string,
  min: number,
  max: number,
  opts: { inclusiveMin?: boolean; integer?: boolean; unit?: string } = {},
): number | null {
  const n = finite(c, v, path);
  if (n === null) return null;
  const unit = opts.unit ? ` ${opts.unit}` : '';
  if (opts.integer && !Number.isInteger(n)) {
    c.add(path, `must be a whole number, not ${n}`);
    return null;
  }
  if (opts.inclusiveMin ? n < min : n <= min) {
    c.add(path, `must be ${opts.inclusiveMin ? 'at least' : 'more than'} ${min}${unit}, not ${n}`);
    return null;
  }
  if (n > max) {
    c.add(path, `must be at most ${max}${unit}, not ${n}`);
    return null;
  }
  return n;
}

/** One of a fixed set of words, with a hint for near misses. */
export function oneOf<T extends string>(c: Collector, v: unknown, path: string, allowed: readonly T[]): T | null {
  if (typeof v !== 'string') {
    c.add(path, `must be one of ${allowed.map((a) => q(a)).join(', ')}, not ${describe(v)}`);
    return null;
  }
  if (!(allowed as readonly string[]).includes(v)) {
    c.add(path, `${q(v)} is not one of ${allowed.map((a) => q(a)).join(', ')}${didYouMean(v, allowed)}`);
    return null;
  }
  return v as T;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Ids are referenced from elsewhere in the file (policy → schedule) and shown in reports, so keep them plain. */
export function id(c: Collector, v: unknown, path: string): string | null {
  if (typeof v !== 'string') {
    c.add(path, `must be text, not ${describe(v)}`);
    return null;
  }
  if (!ID.test(v)) {
    c.add(path, `${q(v)} is not a valid id (1–64 letters, digits, "-", "_" or ".", starting with a letter or digit)`);
    return null;
  }
  return v;
}

/** Reports every value that occurs twice in `entries` ([path, key]); `label` words the message. */
export function noDuplicates(c: Collector, entries: [string, string][], label: string): void {
  const first = new Map<string, string>();
  for (const [path, key] of entries) {
    const prev = first.get(key);
    if (prev === undefined) first.set(key, path);
    else c.add(path, `${label} ${q(key)} is used twice (also at ${prev})`);
  }
}
