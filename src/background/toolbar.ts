// The toolbar badge: how many open conversations breached their target (red), or if none, how many
// are at risk (amber); empty when all is well. The title says it in words.
import type { StateCounts } from '../shared/summary.ts';
import type { Translate } from './summary.ts';

export const BADGE_RED = '#d93025';
export const BADGE_AMBER = '#f29900';

export interface Badge {
  text: string;
  color: string | null;
  title: string;
}

export function badgeFor(counts: Pick<StateCounts, 'breached' | 'atRisk'>, t: Translate): Badge {
  const n = (c: number): string => (c > 99 ? '99+' : String(c));
  if (counts.breached > 0) {
    return { text: n(counts.breached), color: BADGE_RED, title: counts.breached === 1 ? t('bgBadgeBreachedOne') : t('bgBadgeBreached', [String(counts.breached)]) };
  }
  if (counts.atRisk > 0) {
    return { text: n(counts.atRisk), color: BADGE_AMBER, title: counts.atRisk === 1 ? t('bgBadgeAtRiskOne') : t('bgBadgeAtRisk', [String(counts.atRisk)]) };
  }
  return { text: '', color: null, title: t('bgBadgeNone') };
}

/** The slice of browser.action the toolbar uses (injected, so tests need no browser). */
export interface ActionApi {
  setBadgeText(d: { text: string }): Promise<void>;
  setBadgeBackgroundColor(d: { color: string }): Promise<void>;
  setTitle(d: { title: string }): Promise<void>;
}

export async function showBadge(action: ActionApi, badge: Badge): Promise<void> {
  await action.setBadgeText({ text: badge.text });
  if (badge.color) await action.setBadgeBackgroundColor({ color: badge.color });
  await action.setTitle({ title: badge.title });
}
