import { defineErrors } from '../http/errors';

/** Error codes of the meetings domain's record part (DESIGN §5). */
export const recordErrors = defineErrors({});
