// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
vi.mock('../../../src/content/api.ts', () => import('./fake-browser.ts'));
import { demoSite, readDemo } from '../../../src/content/sites/demo.ts';

describe('demo adapter', () => {
  it('reads the demo DOM contract', () => {
    document.body.innerHTML = `<main id="demo-inbox"><article class="demo-msg" data-rc-id="d-1002" data-role="brand" data-thread="d-1001">
      <header><span class="demo-author" data-handle="acme">Acme</span> <time datetime="2026-03-02T10:00:00Z">10:00</time></header>
      <p class="demo-text">&lt;b&gt;hi&lt;/b&gt;</p></article></main>`;
    const m = readDemo(document.querySelector('article')!);
    expect(m).toMatchObject({ id: 'd-1002', thread: 'd-1001', role: 'brand', handle: 'acme', at: Date.parse('2026-03-02T10:00:00Z'), text: '<b>hi</b>' });
  });
  it('is off outside the demo build, even on localhost', () => {
    expect(demoSite.matches(new URL('http://localhost:5173/'))).toBe(false);
  });
});
