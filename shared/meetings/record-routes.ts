/** Routes of the meetings domain's record part (DESIGN §5.2); spread into meetingsRoutes. */
export const recordRoutes = [] as const;
