// Valid team configs of chosen sizes for the settings tests.
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.ts';
import type { OpeningHours, TeamConfig } from '../../../src/core/types.ts';

function holidays(count: number, seed: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2000 + ((i + seed) % 90);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + ((i * 7 + seed) % 28)).padStart(2, '0');
    out.push(`${year}-${month}-${day}`);
  }
  return [...new Set(out)];
}

/** A valid config whose JSON is at least `minBytes` long (extra schedules full of holidays, names with non-ASCII). */
export function bigConfig(minBytes: number, tag = 'a'): TeamConfig {
  const base: TeamConfig = structuredClone(DEFAULT_CONFIG);
  let i = 0;
  while (JSON.stringify(base).length < minBytes) {
    const schedule: OpeningHours = {
      id: `extra-${tag}-${i}`,
      name: `Büro “${tag}” ${i} — Zürich 🕘`,
      timeZone: 'Europe/Zurich',
      week: { mon: [['08:00', '12:00'], ['13:00', '17:30']], sat: [['22:00', '02:00']] },
      holidays: holidays(150, i),
      exceptions: [],
    };
    base.schedules.push(schedule);
    i++;
  }
  return base;
}

/** DEFAULT_CONFIG with one visible change, so tests can tell configs apart. */
export function withBrand(handle: string, config: TeamConfig = DEFAULT_CONFIG): TeamConfig {
  const next = structuredClone(config);
  next.brands = { ...next.brands, x: [...(next.brands.x ?? []), handle] };
  return next;
}
