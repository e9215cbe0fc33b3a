// The full popup (preact), loaded by main.ts after the first paint has been started.
import { render } from 'preact';
import type { PopupSummary } from '../shared/summary.ts';
import { Popup } from './Popup.tsx';

/** Mounts the popup in `root`, replacing the first paint's markup in the same task (no frame without figures). */
export function mount(root: HTMLElement, initial: PopupSummary | null): void {
  root.replaceChildren();
  render(<Popup initial={initial} />, root);
}
