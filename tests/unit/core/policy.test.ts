import { describe, expect, it } from 'vitest';
import { compileTopic, matchPolicy, scheduleFor } from '../../../src/core/policy.ts';
import type { OpeningHours, Policy, TeamConfig } from '../../../src/core/types.ts';

const p = (id: string, match: Policy['match'], schedule: string | null = null): Policy => ({
  id,
  schedule,
  match,
  firstResponseMinutes: 60,
});

describe('matchPolicy', () => {
  it('takes the first matching policy in config order', () => {
    const policies = [p('social', { platforms: ['x', 'facebook'] }), p('all', {}), p('late', { platforms: ['x'] })];
    expect(matchPolicy(policies, { platform: 'x', channel: 'public' })?.id).toBe('social');
    expect(matchPolicy(policies, { platform: 'zendesk', channel: 'ticket' })?.id).toBe('all');
  });

  it('match {} matches everything; no policies or no match gives null', () => {
    expect(matchPolicy([p('any', {})], { platform: 'demo', channel: 'chat' })?.id).toBe('any');
    expect(matchPolicy([], { platform: 'x', channel: 'dm' })).toBeNull();
    expect(matchPolicy([p('fb', { platforms: ['facebook'] })], { platform: 'x', channel: 'dm' })).toBeNull();
  });

  it('requires every given key to match', () => {
    const policies = [p('x-dm', { platforms: ['x'], channels: ['dm'] })];
    expect(matchPolicy(policies, { platform: 'x', channel: 'dm' })?.id).toBe('x-dm');
    expect(matchPolicy(policies, { platform: 'x', channel: 'public' })).toBeNull();
    expect(matchPolicy(policies, { platform: 'facebook', channel: 'dm' })).toBeNull();
  });

  it('compares platforms and priorities case-insensitively', () => {
    const policies = [p('urgent', { platforms: ['X'], priorities: ['Urgent'] })];
    expect(matchPolicy(policies, { platform: 'x', channel: 'dm', priority: 'URGENT' })?.id).toBe('urgent');
    expect(matchPolicy(policies, { platform: 'x', channel: 'dm', priority: 'high' })).toBeNull();
    // A priority filter never matches a conversation without a priority.
    expect(matchPolicy(policies, { platform: 'x', channel: 'dm' })).toBeNull();
  });

  it('treats an empty list like a missing key', () => {
    expect(matchPolicy([p('e', { platforms: [] })], { platform: 'x', channel: 'dm' })?.id).toBe('e');
  });

  it('matches topic keywords as whole words, case-insensitively, in topic or text', () => {
    const policies = [p('refunds', { topics: ['refund', 'money back'] }), p('rest', {})];
    const m = (topic?: string, text?: string) => matchPolicy(policies, { platform: 'x', channel: 'dm', topic, text })?.id;
    expect(m(undefined, 'I want a REFUND now')).toBe('refunds');
    expect(m('Refund', undefined)).toBe('refunds');
    expect(m(undefined, 'Give me my money back!')).toBe('refunds');
    expect(m(undefined, 'I was refunded already')).toBe('rest');
    expect(m(undefined, 'prerefund')).toBe('rest');
    expect(m(undefined, undefined)).toBe('rest');
  });

  it('handles keywords with non-letters and non-ASCII words', () => {
    expect(compileTopic('c++')!('I code in C++ daily')).toBe(true);
    expect(compileTopic('café')!('Das Café ist zu')).toBe(true);
    expect(compileTopic('café')!('cafés')).toBe(false);
    expect(compileTopic('a.b')!('axb')).toBe(false);
  });

  it('matches "/regex/flags" topics', () => {
    const policies = [p('orders', { topics: ['/order\\s*#?\\d{5}/i'] }), p('rest', {})];
    expect(matchPolicy(policies, { platform: 'x', channel: 'dm', text: 'Where is ORDER #12345?' })?.id).toBe('orders');
    expect(matchPolicy(policies, { platform: 'x', channel: 'dm', text: 'order 12' })?.id).toBe('rest');
    // Without the i flag the regex is case-sensitive (keywords are not).
    expect(compileTopic('/Order/')!('order')).toBe(false);
  });

  it('gives the same answer on repeated calls, even with g/y flags', () => {
    const policies = [p('g', { topics: ['/late/g'] })];
    const c = { platform: 'x', channel: 'dm' as const, text: 'parcel late' };
    expect(matchPolicy(policies, c)?.id).toBe('g');
    expect(matchPolicy(policies, c)?.id).toBe('g');
    expect(matchPolicy(policies, c)?.id).toBe('g');
  });

  it('never throws on an invalid regex: that entry just does not match', () => {
    const policies = [p('bad', { topics: ['/([/', 'valid'] }), p('rest', {})];
    expect(() => matchPolicy(policies, { platform: 'x', channel: 'dm', text: '([' })).not.toThrow();
    expect(matchPolicy(policies, { platform: 'x', channel: 'dm', text: '([' })?.id).toBe('rest');
    expect(matchPolicy(policies, { platform: 'x', channel: 'dm', text: 'a valid one' })?.id).toBe('bad');
    expect(compileTopic('/x/zz')).toBeNull();
  });
});

describe('scheduleFor', () => {
  const nl: OpeningHours = { id: 'nl', timeZone: 'Europe/Amsterdam', week: { mon: [['09:00', '17:00']] } };
  const config: Pick<TeamConfig, 'schedules'> = { schedules: [nl] };
  it('finds the policy schedule by id; null means calendar time', () => {
    expect(scheduleFor(config, p('a', {}, 'nl'))).toBe(nl);
    expect(scheduleFor(config, p('b', {}, null))).toBeNull();
    expect(scheduleFor(config, p('c', {}, 'missing'))).toBeNull();
  });
});
