// Every site Replyclock reads, declared with its URL predicate. Order matters: the first match wins.
import type { SiteDefinition } from './site.ts';
import { xSite } from './sites/x.ts';
import { demoSite } from './sites/demo.ts';

export const SITES: readonly SiteDefinition[] = [xSite, demoSite];

export function siteFor(url: URL, sites: readonly SiteDefinition[] = SITES): SiteDefinition | undefined {
  return sites.find((s) => s.matches(url));
}
