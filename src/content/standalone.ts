// Content-script entry for custom helpdesk domains (registered at run time with scripting.registerContentScripts):
// only the site-rule adapter, bundled into one self-contained file by vite.config.ts, so it imports nothing from
// the extension and needs no web-accessible files on that domain.
import { startRuntime } from './runtime.ts';
import { rulesSite } from './sites/rules.ts';

void startRuntime([rulesSite]).catch((err: unknown) => console.warn('Replyclock could not start:', err));
