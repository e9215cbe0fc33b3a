// Styles live in the badge's shadow root. `:host{all:initial}` stops the page's CSS from leaking in;
// the shadow root stops ours from leaking out. The host's rules are !important because a page's rule on the
// host element wins over :host unless both are important, and then the shadow tree's wins: a page with
// `replyclock-badge{display:none!important}` or `*{font-size:40px!important}` cannot hide or resize a badge
// (page selectors never reach inside, so the button may inherit the host's font). Every state has an icon and words, never colour alone.
// The menu's rules ship with the menu (badge-menu.ts). One rule per source line, no newline or indentation shipped. The
// tooltip's base rule comes before the dark scheme's, which must override it.
export const BADGE_CSS = `:host{all:initial!important;display:inline-flex!important;position:relative!important;vertical-align:middle!important;margin-inline-start:6px!important;font:500 12px/1.3 system-ui,sans-serif!important;color-scheme:light dark!important}\
.b{all:unset;box-sizing:border-box;display:inline-flex;align-items:center;gap:4px;padding:1px 7px;border-radius:999px;border:1px solid;white-space:nowrap;cursor:pointer;font:inherit}\
.b:focus-visible{outline:2px solid #1d4ed8;outline-offset:2px}\
.i{font-size:11px}\
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}\
:host([data-state=ok]) .b{color:#0b5d1e;background:#e7f5ea;border-color:#7cc48f}\
:host([data-state=warning]) .b{color:#7a3e00;background:#fff3dc;border-color:#e8a33d}\
:host([data-state=breached]) .b{color:#fff;background:#b3261e;border-color:#b3261e}\
:host([data-state=paused]) .b{color:#3b4252;background:#eceff4;border-color:#a3abbd}\
:host([data-state=answered]) .b{color:#37474f;background:#f1f3f4;border-color:#c4c9cc}\
:host([data-state=unknown]) .b{color:#4a4a4a;background:#fafafa;border-color:#9e9e9e;border-style:dashed}\
.tip{display:none;position:absolute;top:calc(100% + 4px);left:0;z-index:2147483647;min-width:220px;max-width:320px;padding:6px 8px;border:1px solid #c4c9cc;border-radius:6px;background:#fff;color:#1f2328;white-space:normal;font-weight:400;box-shadow:0 2px 8px rgba(0,0,0,.18)}\
@media (prefers-color-scheme:dark){:host([data-state=ok]) .b{color:#b8f0c6;background:#12351d;border-color:#2f7a45}\
:host([data-state=warning]) .b{color:#ffe0a8;background:#3d2a06;border-color:#a86d12}\
:host([data-state=paused]) .b,:host([data-state=answered]) .b,:host([data-state=unknown]) .b{color:#e3e6ea;background:#2a2f36;border-color:#5c6470}\
.tip{background:#1f2328;color:#e9ecef;border-color:#444c56}}\
:host(:hover) .tip,:host(:focus-within) .tip{display:block}`;
