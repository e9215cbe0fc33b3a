// The popup's figures drawn with plain DOM from the background's cached summary, before preact and the rest of
// the popup have loaded (first-paint budget: main.ts and this file load as one small module). The markup is the
// app's own (PopupView: classes, test ids, words), so when the app mounts and replaces it nothing visible changes
// but what the app adds (platform table, period tabs, ratings, waiting list). Page text goes in as textContent only.
import type { PopupSummary } from '../shared/summary.ts';
import { formatDuration, formatNumber, formatPercent, formatTime, formatWeekdayTime } from '../ui/format.ts';
import { FIGURES, figureClass } from './figures.ts';

export type Translate = (key: string, substitutions?: string | string[]) => string;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** The opening line's words, as PopupView's OpeningLine writes them. */
export function openingText(opening: PopupSummary['opening'], t: Translate): string {
  if (!opening) return t('popup_calendarTime');
  if (opening.open) return opening.changesAt === null ? t('popup_openNoClose') : t('popup_openNow', formatTime(opening.changesAt));
  return opening.changesAt === null ? t('popup_closedNoOpen') : t('popup_closedOpens', formatWeekdayTime(opening.changesAt));
}

/** The within-target words after the percentage, as ServiceLevel writes them. */
export function withinText(targetMinutes: number | null, t: Translate): string {
  return targetMinutes !== null ? t('popup_withinMinutes', formatDuration(targetMinutes)) : t('popup_withinTarget');
}

/** Replaces `root`'s content with the title, opening line, the four figures and today's within-target share. */
export function paintFigures(root: HTMLElement, s: PopupSummary, t: Translate): void {
  const o = s.opening;
  const opening = el('p', { class: 'opening', 'data-testid': 'opening', 'data-open': o ? String(o.open) : 'calendar' },
    el('span', { 'aria-hidden': 'true' }, !o || o.open ? '● ' : '○ '), openingText(o, t));
  if (o?.scheduleName) opening.append(el('span', { class: 'muted' }, ` · ${o.scheduleName}`));
  const figures = el('div', { class: 'figures' }, ...FIGURES.map((f) =>
    el('div', { class: figureClass(f.state, s.counts[f.key]) },
      el('span', { class: 'num', 'data-testid': f.testid, 'aria-describedby': `fig-${f.testid}` }, formatNumber(s.counts[f.key])),
      el('span', { class: 'label', id: `fig-${f.testid}` }, t(f.label)))));
  const today = s.periods.today;
  root.replaceChildren(
    el('main', { class: 'popup' },
      el('header', { class: 'popup-head' }, el('h1', {}, t('popup_title')), opening),
      el('section', { class: 'panel', 'aria-labelledby': 'now-heading' }, el('h2', { id: 'now-heading' }, t('popup_now')), figures),
      el('section', { class: 'panel', 'aria-labelledby': 'sl-heading' },
        el('h2', { id: 'sl-heading' }, t('popup_serviceLevel')),
        el('p', { class: 'headline' }, el('strong', { class: 'big', 'data-testid': 'within-target' }, formatPercent(today.withinTarget)), ' ', el('span', {}, withinText(today.targetMinutes, t))))),
  );
}
