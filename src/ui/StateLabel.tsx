import { stateIcon, stateLabel, type ShownState } from './labels.ts';

/** A clock state as icon + word; the icon is decoration, the word is what screen readers hear. */
export function StateLabel({ state }: { state: ShownState }) {
  return (
    <span class={`state state-${state}`} data-state={state}>
      <span aria-hidden="true">{stateIcon(state)}</span>
      <span>{stateLabel(state)}</span>
    </span>
  );
}
