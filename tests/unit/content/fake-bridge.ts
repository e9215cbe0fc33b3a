// A stand-in for src/content/bridge.ts in content-runtime tests: records every request, answers like an empty
// background, and serves the config a test sets with useConfig().
import { vi } from 'vitest';
import type { TeamConfig } from '../../../src/core/types.ts';

export const calls: { type: string; payload: unknown }[] = [];

let config: TeamConfig = { version: 1, schedules: [], policies: [], brands: {}, sites: [] };
export function useConfig(c: TeamConfig): void {
  config = c;
}

/** The empty background's answers (a test that answers otherwise puts this back afterwards). */
export async function emptyAnswer(type: string, payload: unknown): Promise<unknown> {
  calls.push({ type, payload });
  if (type === 'content:lookup') return { conversations: [] };
  if (type === 'content:observed') return { stored: 1, conversations: [] };
  if (type === 'ui:action') return { conversation: null };
  return { ok: true };
}
export const request = vi.fn(emptyAnswer);
export const onBroadcast = vi.fn();
export const loadConfig = vi.fn(async () => ({ config, hours: {} }));
