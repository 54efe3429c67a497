/** Routes of the meetings domain's stats part (DESIGN §5.2); spread into meetingsRoutes. */
export const statsRoutes = [] as const;
