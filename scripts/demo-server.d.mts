import type { Server } from 'node:http';
export const DEMO_DIR: string;
export function serveDemo(port?: number): Promise<{ server: Server; url: string }>;
