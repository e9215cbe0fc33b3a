// The one query routine both drivers run INSIDE the page, so a selector means the same thing in Chromium and
// Firefox: CSS matched in the document and in every open shadow root (as playwright's locators do). It is
// serialised into the page, so it must stay self-contained: no imports, no outer variables.
import type { Badge } from './types.ts';

export type Query =
  | { op: 'count' | 'texts' | 'exists'; selector: string }
  | { op: 'attr'; selector: string; name: string }
  | { op: 'text'; selector: string }
  | { op: 'value' | 'disabled'; selector: string }
  | { op: 'badges' };

export type QueryResult = number | string | null | string[] | boolean | Badge[];

export function runQuery(q: Query): QueryResult {
  const roots: (Document | ShadowRoot)[] = [];
  const collect = (root: Document | ShadowRoot): void => {
    roots.push(root);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) collect(el.shadowRoot);
  };
  collect(document);
  const all = (selector: string): Element[] => {
    const found: Element[] = [];
    for (const r of roots) for (const el of r.querySelectorAll(selector)) found.push(el);
    return found;
  };
  // textContent stops at a shadow root; badges render their label inside theirs.
  const deepText = (el: Element): string => {
    let out = '';
    const walk = (node: Node): void => {
      if (node.nodeType === Node.TEXT_NODE) out += node.textContent ?? '';
      const shadow = (node as Element).shadowRoot;
      if (shadow) shadow.childNodes.forEach(walk);
      node.childNodes.forEach(walk);
    };
    walk(el);
    return out;
  };
  switch (q.op) {
    case 'count':
      return all(q.selector).length;
    case 'exists':
      return all(q.selector).length > 0;
    case 'attr':
      return all(q.selector)[0]?.getAttribute(q.name) ?? null;
    case 'text': {
      const el = all(q.selector)[0];
      return el ? deepText(el) : null;
    }
    case 'texts':
      return all(q.selector).map(deepText);
    case 'value': {
      const el = all(q.selector)[0] as HTMLInputElement | undefined;
      return el ? el.value : null;
    }
    case 'disabled': {
      // The control's own state (a disabled fieldset counts), as a person finds it when trying to press it.
      const el = all(q.selector)[0];
      return el ? el.matches(':disabled') : null;
    }
    case 'badges':
      return all('replyclock-badge').map((b) => ({
        conversation: b.getAttribute('data-conversation'),
        message: b.getAttribute('data-message'),
        state: b.getAttribute('data-state'),
        text: deepText(b).trim(),
      }));
  }
}
