// Selector access that never throws. Site rules come from a team's config file, so a selector can be malformed
// (or use syntax this browser lacks); one bad rule must never break the page or the other sites.

const cache = new Map<string, boolean>();

/** Whether the browser can parse `selector` (cached: rules are re-read on every mutation batch). */
export function isValidSelector(selector: string | undefined): selector is string {
  if (!selector || !selector.trim()) return false;
  let ok = cache.get(selector);
  if (ok === undefined) {
    try {
      document.createDocumentFragment().querySelector(selector);
      ok = true;
    } catch {
      ok = false;
    }
    if (cache.size > 500) cache.clear();
    cache.set(selector, ok);
  }
  return ok;
}

export function queryAll(root: ParentNode, selector: string | undefined): Element[] {
  if (!isValidSelector(selector)) return [];
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

export function query(root: ParentNode, selector: string | undefined): Element | null {
  if (!isValidSelector(selector)) return null;
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** `el` itself when it matches, else its first matching descendant. */
export function selfOrQuery(el: Element, selector: string | undefined): Element | null {
  if (!isValidSelector(selector)) return null;
  try {
    return el.matches(selector) ? el : el.querySelector(selector);
  } catch {
    return null;
  }
}

export function closest(el: Element, selector: string | undefined): Element | null {
  if (!isValidSelector(selector)) return null;
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

/** Visible text with whitespace collapsed (textContent: page text is data, never markup). */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
