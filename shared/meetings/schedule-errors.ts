import { defineErrors } from '../http/errors';

/** Error codes of the meetings domain's schedule part (DESIGN §5). */
export const scheduleErrors = defineErrors({});
