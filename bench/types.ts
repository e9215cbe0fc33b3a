/** One line of `npm run bench`: a measured figure next to its reference (a peer library's figure or a budget). */
export interface BenchRow {
  section: string;
  name: string;
  value: number;
  unit: string;
  /** What the figure is compared with, e.g. "moment-business-time" or "budget". */
  reference: string;
  referenceValue: number | null;
  /** value / referenceValue when that comparison is meaningful (speed-ups), else null. */
  ratio: number | null;
  /** Human-readable goal, e.g. "≥ 50×" or "≤ 2×". */
  target?: string;
  pass?: boolean;
}

/** A bench section module: `export async function run(): Promise<BenchRow[]>`. */
export interface BenchSection {
  run(): Promise<BenchRow[]>;
}
