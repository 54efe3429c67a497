/**
 * The study domain's one server setting (DESIGN §5.2): STUDY_SECONDS_PER_MINUTE, the seconds that make one of
 * an item's minimum minutes. 60 in production; tests and demos lower it to shorten the wait. The client can
 * never change it: a session records its requiredSeconds when it starts.
 */
export const DEFAULT_STUDY_SECONDS_PER_MINUTE = 60;

/** Read on every session start, so a test can set it for its own run; anything but an integer 1–60 is 60. */
export function studySecondsPerMinute(): number {
  const value = Number(process.env.STUDY_SECONDS_PER_MINUTE ?? DEFAULT_STUDY_SECONDS_PER_MINUTE);
  return Number.isInteger(value) && value >= 1 && value <= 60 ? value : DEFAULT_STUDY_SECONDS_PER_MINUTE;
}
