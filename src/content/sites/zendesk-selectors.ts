// Every selector Replyclock uses in the Zendesk Agent Workspace, in one table, with fallbacks (tried in order)
// and pages to test them on (shared/research/dom-notes.md). When Zendesk changes its DOM this is the file to edit;
// health reports say which part failed.
export interface SelectorEntry {
  /** Tried in order; the first that matches wins. */
  css: readonly string[];
  why: string;
  testUrls: readonly string[];
}

const TICKET = ['https://acme.zendesk.com/agent/tickets/123'];
const VIEW = ['https://acme.zendesk.com/agent/filters/360000000001'];

export const ZD = {
  ticketScope: {
    css: ['div[data-side-conversations-anchor-id]', '[data-ticket-id]'],
    why: 'One mounted ticket (several stay mounted as tabs); its attribute is the ticket id. Scopes every comment.',
    testUrls: TICKET,
  },
  log: {
    css: ['[data-test-id="omni-log-container"]'],
    why: "A ticket's conversation log; present but without comments means the comment selector broke.",
    testUrls: TICKET,
  },
  comment: {
    css: ['article[data-test-id="omni-log-comment-item"]'],
    why: 'One comment (public reply, customer message or internal note).',
    testUrls: TICKET,
  },
  message: {
    css: ['[data-test-id="omni-log-item-message"][type]'],
    why: 'Its type attribute says who wrote it: "end-user" (customer) or "agent".',
    testUrls: TICKET,
  },
  internalNote: {
    css: ['[data-test-id="omni-log-internal-note-tag"]'],
    why: 'Internal notes are not replies to the customer: ignored.',
    testUrls: TICKET,
  },
  time: {
    css: ['time[data-test-id="timestamp-relative"][datetime]', 'time[datetime]'],
    why: 'Exact comment time (ISO 8601). No comment id is exposed, so ticket id + this time names the message.',
    testUrls: TICKET,
  },
  sender: {
    css: ['a[data-test-id="omni-log-comment-user-link"]', '[data-test-id="omni-log-item-sender"]'],
    why: 'Author name.',
    testUrls: TICKET,
  },
  content: {
    css: ['[data-test-id="omni-log-message-content"]'],
    why: 'Comment text (for topic matching; read as text, never as HTML).',
    testUrls: TICKET,
  },
  viewTable: {
    css: ['table[data-test-id="generic-table"]'],
    why: 'A ticket view; present but without rows means the row selector broke.',
    testUrls: VIEW,
  },
  viewRow: {
    css: ['tr[data-test-id="generic-table-row"]', 'tr[data-garden-id="tables.row"]'],
    why: 'One ticket in a view (group-by header rows are excluded separately).',
    testUrls: VIEW,
  },
  groupRow: {
    css: ['[data-test-id="generic-table-rows-group-by"]'],
    why: 'Group-by header rows are not tickets.',
    testUrls: VIEW,
  },
  rowId: {
    css: ['[data-test-id="generic-table-cells-id"]'],
    why: 'Ticket id cell ("#123").',
    testUrls: VIEW,
  },
  rowSubject: {
    css: ['[data-test-id="ticket-table-cells-subject"]'],
    why: 'Subject cell; the badge goes at its end.',
    testUrls: VIEW,
  },
  rowDate: {
    css: ['[data-test-id="generic-table-cells-date"]'],
    why: 'A date column whose meaning depends on the view (created, updated, requester updated): not used as a clock start.',
    testUrls: VIEW,
  },
} as const satisfies Record<string, SelectorEntry>;

export type ZdSelector = keyof typeof ZD;

export function zdAny(key: ZdSelector): string {
  return ZD[key].css.join(', ');
}

export function zdFirst(root: ParentNode, key: ZdSelector): Element | null {
  for (const css of ZD[key].css) {
    const found = root.querySelector(css);
    if (found) return found;
  }
  return null;
}

export function zdAll(root: ParentNode, key: ZdSelector): Element[] {
  for (const css of ZD[key].css) {
    const found = root.querySelectorAll(css);
    if (found.length) return [...found];
  }
  return [];
}

export const TICKET_PATH = /^\/agent\/tickets\/(\d{1,15})(?:\/|$)/;
export const VIEW_PATH = /^\/agent\/(?:filters|views)\/(\d{1,20})(?:\/|$)/;
export const AGENT_PATH = /^\/agent(?:\/|$)/;
