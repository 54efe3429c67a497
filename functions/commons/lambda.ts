import type { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

/** The Lambda entry for a domain app (API Gateway v2 events); the local API invokes the very same function. */
export function lambdaHandler(app: Hono) {
  return handle(app);
}
