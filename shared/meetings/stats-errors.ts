import { defineErrors } from '../http/errors';

/** Error codes of the meetings domain's stats part (DESIGN §5). */
export const statsErrors = defineErrors({});
