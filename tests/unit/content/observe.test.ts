// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { observe, watcherCount } from '../../../src/content/observe.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));
const make = (html: string) => {
  const d = document.createElement('div');
  d.innerHTML = html;
  return d;
};

describe('observe()', () => {
  const ctl = new AbortController();
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('reports existing matches, then only ADDED nodes and their descendants, once per batch', async () => {
    document.body.append(make('<p class="t">old</p>'));
    const seen: string[] = [];
    const c = new AbortController();
    observe('.t', (el) => seen.push(el.textContent ?? ''), { signal: c.signal });
    expect(seen).toEqual(['old']); // what exists already is reported at once

    const wrap = make('<section><p class="t">a</p><div><p class="t">b</p></div></section>');
    document.body.append(wrap);
    wrap.querySelector('div')!.append(make('<p class="t">c</p>')); // same batch: inside an added subtree
    document.body.append(make('<span>unrelated</span>'));
    document.querySelector('.t')!.setAttribute('data-x', '1'); // not an addition
    await tick();
    expect(seen).toEqual(['old', 'a', 'b', 'c']);
    c.abort();
  });

  it('reports a node again when it is removed and re-inserted (virtualised cells)', async () => {
    const seen: Element[] = [];
    const c = new AbortController();
    observe('.cell', (el) => seen.push(el), { signal: c.signal });
    const cell = make('<div class="cell"></div>').firstElementChild!;
    document.body.append(cell);
    await tick();
    cell.remove();
    await tick();
    document.body.append(cell);
    await tick();
    expect(seen).toEqual([cell, cell]);
    c.abort();
  });

  it('stops at abort and releases the shared observer', async () => {
    const seen: Element[] = [];
    const c = new AbortController();
    observe('.x', (el) => seen.push(el), { signal: c.signal });
    expect(watcherCount()).toBe(1);
    c.abort();
    expect(watcherCount()).toBe(0);
    document.body.append(make('<i class="x"></i>'));
    await tick();
    expect(seen).toEqual([]);
    ctl.abort();
  });
});
