import { defineErrors } from '../http/errors';

/** Error codes of the meetings domain's schedule part (DESIGN §5). */
export const scheduleErrors = defineErrors({
  SCHEDULE_VERSION_CONFLICT: { status: 409, message: '夜学安排已被他人修改，请刷新后重新保存' },
});
