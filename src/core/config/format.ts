// Plain-text rendering of validation problems, for logs, the CLI and copy-paste into a bug report.
import type { ConfigError } from './read.ts';

/** One line per problem: "path: message". */
export function formatConfigErrors(errors: readonly ConfigError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
