/** Routes of the meetings domain's schedule part (DESIGN §5.2); spread into meetingsRoutes. */
export const scheduleRoutes = [] as const;
