// The four "right now" figures, shared by the first paint (first-paint.ts, before preact loads) and the app
// (PopupView.tsx), so both draw the same numbers under the same test ids and labels. No imports: it stays in
// the popup's entry chunk.
import type { StateCounts } from '../shared/summary.ts';

export const FIGURES: readonly { key: keyof StateCounts; testid: string; label: string; state: string }[] = [
  { key: 'open', testid: 'open', label: 'popup_open', state: 'ok' },
  { key: 'atRisk', testid: 'at-risk', label: 'popup_atRisk', state: 'warning' },
  { key: 'breached', testid: 'breached', label: 'popup_breached', state: 'breached' },
  { key: 'paused', testid: 'paused', label: 'popup_paused', state: 'paused' },
];

/** The figure's colour class: its state when the count is above zero. */
export function figureClass(state: string, count: number | undefined): string {
  return `figure state-${count !== undefined && count > 0 ? state : 'none'}`;
}
