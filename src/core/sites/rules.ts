// Helpers over site rules that every floor needs the same way: which rules apply to a page, which origins a rule
// needs permission for, and the id of its dynamically registered content script.
import type { SiteRule } from '../types.ts';
import { originOf, patternCovers, urlMatches } from './match.ts';
import { PRESET_RULES } from './presets.ts';

export { urlMatches, originOf, patternCovers } from './match.ts';
export { PRESET_RULES } from './presets.ts';

/** Prefix of every content-script registration Replyclock makes for a custom domain. */
export const SCRIPT_PREFIX = 'rc-site-';

export function scriptIdFor(rule: Pick<SiteRule, 'id'>): string {
  return `${SCRIPT_PREFIX}${rule.id}`;
}

export function isEnabled(rule: SiteRule): boolean {
  return rule.enabled !== false;
}

export function ruleMatchesUrl(rule: SiteRule, url: string | URL): boolean {
  return rule.matches.some((p) => urlMatches(p, url));
}

/** Enabled rules that apply to `url`, in config order. */
export function rulesForUrl(sites: readonly SiteRule[], url: string | URL): SiteRule[] {
  return sites.filter((r) => isEnabled(r) && ruleMatchesUrl(r, url));
}

/** Origin patterns the rule needs host permission for, without duplicates. */
export function ruleOrigins(rule: Pick<SiteRule, 'matches'>): string[] {
  return [...new Set(rule.matches.flatMap(originOf))];
}

/** The rule's patterns the manifest's own content script does not already cover (those need a registration). */
export function uncoveredMatches(rule: Pick<SiteRule, 'matches'>, builtIn: readonly string[]): string[] {
  return rule.matches.filter((m) => !builtIn.some((b) => patternCovers(b, m)));
}

export function presetById(id: string): SiteRule | undefined {
  return PRESET_RULES.find((p) => p.id === id);
}

/**
 * A preset moved to the team's own domain (a helpdesk on support.example.org instead of *.freshdesk.com): same
 * selectors, every match pattern's host replaced. The copy stays marked as a preset so the UI can offer a reset.
 */
export function presetOnHost(preset: SiteRule, host: string, id = `${preset.id}-${host.replace(/[^A-Za-z0-9]+/g, '-')}`): SiteRule {
  const matches = preset.matches.map((m) => m.replace(/^(\*|https?):\/\/[^/]*/, (_, scheme: string) => `${scheme}://${host}`));
  return { ...preset, id: id.slice(0, 64), matches: [...new Set(matches)] };
}
