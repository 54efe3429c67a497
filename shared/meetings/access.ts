/**
 * Who may call the meetings routes (DESIGN §5.2: M member, S secretary, O organizer, C committee), as plain
 * data: the route definitions use them, and the mini-program's page access reads them without loading any
 * route's schemas into its main package.
 */
export const MEMBERS = ['member'] as const;
/** Who runs a branch's meetings day to day: the secretary and the 组织委员. */
export const RUNNERS = ['secretary', 'organizer'] as const;
/** Runners, and committee staff above them, who may look (oversight) but not decide. */
export const RUNNERS_AND_COMMITTEE = ['secretary', 'organizer', 'committee'] as const;
/** The 周二夜学 schedule is the secretary's (DESIGN §5.2: "S write"). */
export const SCHEDULE_WRITERS = ['secretary'] as const;
