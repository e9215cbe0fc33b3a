// Volume by weekday × hour in a schedule's zone, for staffing.
import { zonedParts } from '../hours/index.ts';

const BUCKET_MS = 15 * 60_000;

/**
 * Counts instants into a 7 × 24 matrix (row 0 = Monday, column = local hour).
 * Every modern zone offset and DST switch is a multiple of 15 minutes, so all instants in one 15-minute UTC
 * bucket share a local weekday and hour: zone conversion (Intl, slow) runs once per bucket, not per conversation.
 */
export class HeatmapCounter {
  readonly cells: number[][] = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  private readonly cache = new Map<string, Map<number, number>>();

  add(timeZone: string, at: number): void {
    let zone = this.cache.get(timeZone);
    if (!zone) {
      zone = new Map();
      this.cache.set(timeZone, zone);
    }
    const bucket = Math.floor(at / BUCKET_MS);
    let cell = zone.get(bucket);
    if (cell === undefined) {
      const p = zonedParts(timeZone, bucket * BUCKET_MS);
      cell = p.weekday * 24 + Math.floor(p.minuteOfDay / 60);
      zone.set(bucket, cell);
    }
    const row = this.cells[Math.floor(cell / 24)]!;
    row[cell % 24] = (row[cell % 24] ?? 0) + 1;
  }
}
