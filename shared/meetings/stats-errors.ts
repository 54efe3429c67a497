import { defineErrors } from '../http/errors';

/** Error codes of the meetings domain's stats part (DESIGN §5). */
export const statsErrors = defineErrors({
  /** The attendance export is one branch's month; above a branch the 落实率 table is the export. */
  EXPORT_NEEDS_BRANCH: { status: 422, message: '考勤明细按党支部导出，请选择一个支部' },
  /** Over the export's bounds (stats-store.ts): more meetings or attendee records than one workbook holds. */
  EXPORT_TOO_LARGE: { status: 422, message: '该月会议或考勤记录过多，无法导出为一个表格' },
});
