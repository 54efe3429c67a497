import { authRoutes } from './auth/routes';
import type { RouteDef } from './http/route';
import { meetingsRoutes } from './meetings/routes';
import { messagesRoutes } from './messages/routes';
import { noticesRoutes } from './notices/routes';
import { orgRoutes } from './org/routes';
import { studyRoutes } from './study/routes';

/** Every route of the API: the single source for handlers, the client, the authorisation matrix and OpenAPI. */
export const allRoutes: readonly RouteDef[] = [
  ...authRoutes,
  ...orgRoutes,
  ...meetingsRoutes,
  ...studyRoutes,
  ...noticesRoutes,
  ...messagesRoutes,
];
