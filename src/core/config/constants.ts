// Documented defaults the clocks need, apart from the default config (defaults.ts) so that a content script's
// clocks do not carry the whole first-run config.

/** Fraction of a target after which a clock turns `warning` when a policy sets no `warnAt`. */
export const DEFAULT_WARN_AT = 0.8;
