// Exact handle matching. A brand handle must match the WHOLE handle, case-insensitively:
// @AcmeSupportUK, @AcmeSupport_ and handles hiding invisible characters (zero-width, bidi marks:
// Unicode category Cf) are not @AcmeSupport — lookalike accounts must never stop a brand's clock.
const HANDLE = /^[A-Za-z0-9_]{1,50}$/;
const INVISIBLE = /\p{Cf}/u;
const HANDLE_CHAR = /[A-Za-z0-9_]/;

/** "@AcmeSupport" / "acmesupport" → "acmesupport"; null if it is not a plain handle. */
export function normHandle(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const h = raw.startsWith('@') ? raw.slice(1) : raw;
  return HANDLE.test(h) ? h.toLowerCase() : null;
}

export function brandSet(handles: readonly string[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const h of handles ?? []) {
    const n = normHandle(h.trim());
    if (n) out.add(n);
  }
  return out;
}

/** Handles mentioned in plain text, lower-cased; a mention glued to an invisible character or a word is ignored. */
export function mentionedHandles(text: string): string[] {
  const out: string[] = [];
  const re = /@([A-Za-z0-9_]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const before = text[m.index - 1] ?? '';
    const after = text[m.index + m[0].length] ?? '';
    // "mail@acme" is an address, "\u200B@acme" / "@acme\u200D" are disguised handles.
    if (before && (HANDLE_CHAR.test(before) || INVISIBLE.test(before))) continue;
    if (after && INVISIBLE.test(after)) continue;
    out.push(m[1]!.toLowerCase());
  }
  return out;
}

/** The handle a profile link points at ("/AcmeSupport" → "acmesupport"), if its visible text is exactly that handle. */
export function handleOfLink(a: Element): string | null {
  const href = a.getAttribute('href') ?? '';
  const m = /^(?:https?:\/\/(?:x|twitter)\.com)?\/([A-Za-z0-9_]{1,50})\/?$/.exec(href);
  if (!m) return null;
  const text = (a.textContent ?? '').trim();
  if (INVISIBLE.test(text)) return null;
  const shown = normHandle(text);
  const linked = m[1]!.toLowerCase();
  return shown === linked ? linked : null;
}
