// Content-script entry: starts the runtime, which picks the site adapter for each page visit.
import { startRuntime } from './runtime.ts';
import { SITES } from './registry.ts';

void startRuntime(SITES).catch((err: unknown) => console.warn('Replyclock could not start:', err));
