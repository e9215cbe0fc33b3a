// Speed of the opening-hours engine against moment-business-time on identical inputs (UTC, so both libraries
// agree on the meaning of every instant), and how the cost grows with the span (budget: a year ≤ 2× an hour).
import { createRequire } from 'node:module';
import type { OpeningHours } from '../src/core/types.ts';
import { dueAtMs, elapsedMs } from '../src/core/hours/index.ts';
import type { BenchRow } from './types.ts';

const require = createRequire(import.meta.url);

interface PeerMoment {
  valueOf(): number;
  workingDiff(other: PeerMoment, unit: string, precise?: boolean): number;
  addWorkingTime(n: number, unit: string): PeerMoment;
}
interface PeerMomentStatic {
  utc(ms: number): PeerMoment;
  updateLocale(name: string, data: object): void;
}

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;
const SPANS: [string, number][] = [
  ['1 h', H],
  ['1 day', DAY],
  ['1 week', 7 * DAY],
  ['1 month', 30 * DAY],
  ['1 year', 365 * DAY],
];

// A realistic support desk: Mon–Fri 09:00–17:00 plus a few holidays. (moment-business-time miscounts spans that
// end inside a lunch break's morning half, so the shared schedule has one interval per day.)
const SCHEDULE: OpeningHours = {
  id: 'bench',
  timeZone: 'UTC',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
  holidays: ['--01-01', '--12-25', '--12-26', '2026-04-06', '2026-05-05', '2026-12-24'],
};
const PEER_HOLIDAYS = ['*-01-01', '*-12-25', '*-12-26', '2026-04-06', '2026-05-05', '2026-12-24'];

function loadPeer(): PeerMomentStatic {
  const moment = require('moment') as PeerMomentStatic;
  require('moment-business-time');
  moment.updateLocale('en', {
    workinghours: { 0: null, 1: ['09:00:00', '17:00:00'], 2: ['09:00:00', '17:00:00'], 3: ['09:00:00', '17:00:00'], 4: ['09:00:00', '17:00:00'], 5: ['09:00:00', '17:00:00'], 6: null },
    holidays: PEER_HOLIDAYS,
  });
  return moment;
}

/** Deterministic minute-aligned starts during working hours of 2026 (a clock starts when a message arrives). */
function starts(n: number): number[] {
  let seed = 12345;
  const rnd = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const out: number[] = [];
  const base = Date.UTC(2026, 0, 1);
  while (out.length < n) {
    const t = base + Math.floor(rnd() * 360) * DAY + Math.floor(rnd() * 24 * 60) * MIN;
    out.push(t);
  }
  return out;
}

/** Ops per second of fn over the inputs, after a warm-up; runs at least `minMs`. */
function opsPerSecond(fn: (i: number) => number, n: number, minMs: number): number {
  let sink = 0;
  const warmEnd = performance.now() + minMs / 4;
  for (let i = 0; performance.now() < warmEnd; i++) sink += fn(i % n);
  let ops = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) {
    for (let k = 0; k < 64; k++) sink += fn(ops++ % n);
    t = performance.now();
  }
  if (sink === Number.NEGATIVE_INFINITY) console.log(sink); // keep the results alive
  return (ops / (t - t0)) * 1000;
}

export async function run(): Promise<BenchRow[]> {
  const moment = loadPeer();
  const rows: BenchRow[] = [];
  const section = 'engine';
  const inputs = starts(64);
  const costs: Record<string, { elapsed: number; dueAt: number }> = {};
  let mismatches = 0;
  let checked = 0;

  // Cold cost: compile + materialise a year for a fresh schedule object (zone tables are already warm).
  const coldRuns = 20;
  const c0 = performance.now();
  for (let k = 0; k < coldRuns; k++) elapsedMs({ ...SCHEDULE }, inputs[k]!, inputs[k]! + DAY);
  const coldUs = ((performance.now() - c0) / coldRuns) * 1000;

  for (const [label, span] of SPANS) {
    const ends = inputs.map((s) => s + span);
    const peerStarts = inputs.map((s) => moment.utc(s));
    const peerEnds = ends.map((e) => moment.utc(e));
    // Business minutes in each span (at least 1) are the dueAt targets, so dueAt also travels the whole span.
    const minutes = inputs.map((s, i) => Math.max(1, Math.round(elapsedMs(SCHEDULE, s, ends[i]!) / MIN)));

    // Same answers first: a speed-up over a library that means something else would be worthless.
    for (let i = 0; i < inputs.length; i++) {
      const ours = elapsedMs(SCHEDULE, inputs[i]!, ends[i]!);
      const theirs = peerEnds[i]!.workingDiff(peerStarts[i]!, 'milliseconds', true);
      const ourDue = dueAtMs(SCHEDULE, inputs[i]!, minutes[i]! * MIN);
      const theirDue = moment.utc(inputs[i]!).addWorkingTime(minutes[i]!, 'minutes').valueOf();
      checked += 2;
      if (ours !== theirs) mismatches++;
      if (ourDue !== theirDue) mismatches++;
    }

    const n = inputs.length;
    const oursElapsed = opsPerSecond((i) => elapsedMs(SCHEDULE, inputs[i]!, ends[i]!), n, 300);
    const peerElapsed = opsPerSecond((i) => peerEnds[i]!.workingDiff(peerStarts[i]!, 'milliseconds', true), n, 300);
    const oursDue = opsPerSecond((i) => dueAtMs(SCHEDULE, inputs[i]!, minutes[i]! * MIN) ?? 0, n, 300);
    const peerDue = opsPerSecond((i) => moment.utc(inputs[i]!).addWorkingTime(minutes[i]!, 'minutes').valueOf(), n, 300);
    costs[label] = { elapsed: 1 / oursElapsed, dueAt: 1 / oursDue };
    for (const [name, ours, peer] of [
      [`elapsedBusinessMinutes, ${label} span`, oursElapsed, peerElapsed],
      [`dueAt, ${label} of business time`, oursDue, peerDue],
    ] as const) {
      const ratio = ours / peer;
      rows.push({ section, name, value: ours, unit: 'ops/s', reference: 'moment-business-time', referenceValue: peer, ratio, target: '≥ 50×', pass: ratio >= 50 });
    }
  }

  const hour = costs['1 h']!;
  const year = costs['1 year']!;
  for (const fn of ['elapsed', 'dueAt'] as const) {
    const growth = year[fn] / hour[fn];
    rows.push({ section, name: `${fn}: cost of 1 year vs 1 h`, value: growth, unit: '×', reference: 'budget', referenceValue: 2, ratio: null, target: '≤ 2×', pass: growth <= 2 });
  }
  rows.push({ section, name: 'first call on a new schedule (compile + 1 year)', value: coldUs, unit: 'µs', reference: '', referenceValue: null, ratio: null });
  rows.push({
    section,
    name: `same answers as the peer (${checked} checks)`,
    value: mismatches,
    unit: 'mismatches',
    reference: 'moment-business-time',
    referenceValue: 0,
    ratio: null,
    target: '0',
    pass: mismatches === 0,
  });
  return rows;
}
