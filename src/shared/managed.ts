// Admin policy: settings an IT admin deploys to every browser through storage.managed (Chrome enterprise
// policy, Firefox policies.json "3rdparty"). Schema: public/managed_schema.json; guide: docs/admin-policy.md.
// storage.managed is missing in some browsers and contexts and throws when no policy is set up in others
// (Firefox without a managed manifest), so every failure here means "no policy", never a broken extension.
import * as v from 'valibot';
import browser from './browser.ts';
import type { TeamConfig } from '../core/types.ts';
import { checkConfig, type ConfigProblem } from './sync/check.ts';
import { checkConfigUrl } from './sync/url-subscription.ts';

/** Top-level team-config fields an admin can lock (everything but `version`). */
export const LOCKABLE_FIELDS = [
  'schedules',
  'policies',
  'brands',
  'sites',
  'ratings',
  'notifications',
  'retentionDays',
] as const satisfies readonly Exclude<keyof TeamConfig, 'version'>[];
export type LockableField = (typeof LOCKABLE_FIELDS)[number];

export interface ManagedPolicy {
  /** Any policy value was set. */
  present: boolean;
  /** The admin's team config (from `teamConfig` or `teamConfigJson`), validated. */
  teamConfig?: TeamConfig;
  /** A team config URL every browser must follow (overrides the user's own subscription). */
  teamConfigUrl?: string;
  /** Fields the user cannot change. */
  locked: LockableField[];
  agentNameRequired: boolean;
  /** Policy values that were ignored, by path, so the options page can tell the admin. */
  problems: ConfigProblem[];
}

export const NO_POLICY: ManagedPolicy = { present: false, locked: [], agentNameRequired: false, problems: [] };

const PolicySchema = v.object({
  teamConfig: v.optional(v.unknown()),
  teamConfigJson: v.optional(v.string()),
  teamConfigUrl: v.optional(v.string()),
  locked: v.optional(v.union([v.boolean(), v.array(v.string())])),
  agentNameRequired: v.optional(v.boolean()),
});

/** Turns raw storage.managed contents into a policy. Pure; unusable values become problems, not exceptions. */
export function interpretPolicy(raw: Record<string, unknown>): ManagedPolicy {
  const known = Object.fromEntries(
    Object.entries(raw).filter(([k]) => ['teamConfig', 'teamConfigJson', 'teamConfigUrl', 'locked', 'agentNameRequired'].includes(k)),
  );
  if (Object.keys(known).length === 0) return NO_POLICY;
  const problems: ConfigProblem[] = [];
  const parsed = v.safeParse(PolicySchema, known);
  if (!parsed.success) {
    for (const issue of parsed.issues) problems.push({ path: `policy.${v.getDotPath(issue) ?? ''}`, message: issue.message });
    return { ...NO_POLICY, present: true, problems };
  }
  const p = parsed.output;

  let teamConfig: TeamConfig | undefined;
  let source: unknown = p.teamConfig;
  if (source === undefined && p.teamConfigJson !== undefined) {
    // A JSON string is easier to set through Windows group policy and the registry than a nested object.
    try {
      source = JSON.parse(p.teamConfigJson);
    } catch (err) {
      problems.push({ path: 'policy.teamConfigJson', message: `is not JSON: ${(err as Error).message}` });
    }
  }
  if (source !== undefined) {
    const checked = checkConfig(source);
    if (checked.ok) teamConfig = checked.config;
    else for (const e of checked.errors) problems.push({ path: `policy.teamConfig.${e.path}`, message: e.message });
  }

  let teamConfigUrl: string | undefined;
  if (p.teamConfigUrl !== undefined) {
    const checked = checkConfigUrl(p.teamConfigUrl);
    if (checked.ok) teamConfigUrl = checked.url;
    else problems.push({ path: 'policy.teamConfigUrl', message: 'must be an https:// URL' });
  }

  // An admin who deploys a config without saying otherwise wants it enforced: `locked` defaults to everything.
  let locked: LockableField[];
  const lockedInput = p.locked ?? (teamConfig !== undefined || teamConfigUrl !== undefined);
  if (lockedInput === true) locked = [...LOCKABLE_FIELDS];
  else if (lockedInput === false) locked = [];
  else {
    locked = [];
    lockedInput.forEach((field, i) => {
      if ((LOCKABLE_FIELDS as readonly string[]).includes(field)) locked.push(field as LockableField);
      else problems.push({ path: `policy.locked[${i}]`, message: `unknown field "${field}"; one of ${LOCKABLE_FIELDS.join(', ')}` });
    });
  }
  return {
    present: true,
    ...(teamConfig ? { teamConfig } : {}),
    ...(teamConfigUrl ? { teamConfigUrl } : {}),
    locked,
    agentNameRequired: p.agentNameRequired ?? false,
    problems,
  };
}

export async function loadManagedPolicy(): Promise<ManagedPolicy> {
  let raw: Record<string, unknown>;
  try {
    const area = (browser.storage as { managed?: { get(keys?: null): Promise<Record<string, unknown>> } }).managed;
    if (!area) return NO_POLICY;
    raw = (await area.get(null)) ?? {};
  } catch {
    return NO_POLICY;
  }
  return interpretPolicy(raw);
}
