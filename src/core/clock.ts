// The clocks (clock-core.ts) answered by the full opening-hours engine: what the background, the popup, the
// reports and the metrics use. Content scripts bind the same clocks to hours windows instead (content/clocks.ts).
import { makeClocks } from './clock-core.ts';
import { timelineFor } from './hours/engine.ts';

export { hoursForTarget, normalizePauses, ordered, targetFor, validTarget, walkResponseClocks, makeClocks } from './clock-core.ts';
export type { Clocks, PauseSpan, ResponseClockVisitor } from './clock-core.ts';

const engineClocks = makeClocks(timelineFor);
export const { readClocks, currentClock, countedMs, counterDueAt } = engineClocks;
