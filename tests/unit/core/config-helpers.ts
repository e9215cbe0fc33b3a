// Shared fixtures for the team-config tests: the issue's example config and a way to break one thing in it.
import { validateConfig } from '../../../src/core/config/validate.ts';

export function issueExample(): Record<string, any> {
  return {
    version: 1,
    schedules: [
      {
        id: 'nl',
        name: 'Webcare NL',
        timeZone: 'Europe/Amsterdam',
        week: { mon: [['08:00', '12:00'], ['13:00', '22:00']], tue: [['22:00', '06:00']], sat: [], sun: [['00:00', '24:00']] },
        holidays: ['2026-12-25', '--01-01'],
        exceptions: [{ date: '2026-12-24', hours: [['09:00', '13:00']] }],
      },
    ],
    policies: [
      {
        id: 'social',
        name: 'Social media',
        schedule: 'nl',
        match: { platforms: ['x', 'facebook'] },
        firstResponseMinutes: 60,
        nextResponseMinutes: 60,
        resolutionMinutes: 1440,
        warnAt: 0.8,
      },
    ],
    brands: { x: ['AcmeSupport', 'AcmeNL'], facebook: ['AcmeNL'], zendesk: [] },
    sites: [],
  };
}

export function siteRule(): Record<string, any> {
  return {
    id: 'freshdesk',
    name: 'Freshdesk',
    matches: ['https://*.freshdesk.com/a/tickets/*'],
    channel: 'ticket',
    conversation: '.ticket-details',
    message: '.conversation',
    agentWhen: { attribute: 'data-role', equals: 'agent' },
    timestamp: { selector: 'time', attribute: 'datetime' },
    conversationId: { from: 'url', pattern: '/tickets/(\\d+)' },
    anchor: '.ticket-subject',
  };
}

/** The errors after applying `change` to a fresh copy of the example; fails the test if the config stays valid. */
export function errorsAfter(change: (c: Record<string, any>) => void): { path: string; message: string }[] {
  const c = issueExample();
  change(c);
  const r = validateConfig(c);
  if (r.ok) throw new Error('expected the changed config to be refused');
  return r.errors;
}
