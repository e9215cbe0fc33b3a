// Types for scripts/content-size.mjs (imported by bench/size.ts).
export const BUDGET_BYTES: number;
export function measureContentSize(opts?: { browser?: 'chrome' | 'firefox'; outDir?: string }): Promise<{ site: string; bytes: number; files: string[] }[]>;
