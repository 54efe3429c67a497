import { defineErrors } from '../http/errors';

/** Error codes of the meetings domain's stats part (DESIGN §5). */
export const statsErrors = defineErrors({
  /** The attendance export is one branch's month; above a branch the 落实率 table is the export. */
  EXPORT_NEEDS_BRANCH: { status: 422, message: '考勤明细按党支部导出，请选择一个支部' },
  /** Over the export's bounds (stats-store.ts): more meetings or attendee records than one workbook holds. */
  EXPORT_TOO_LARGE: { status: 422, message: '该月会议或考勤记录过多，无法导出为一个表格' },
  FREQUENCY_NOT_ALLOWED: { status: 422, message: '该频次不在规定范围内（如党课只能每季度或每半年一次）' },
  SETTING_IN_THE_PAST: { status: 422, message: '频次设置只能从本月或以后生效，已过去的期间按当时的规定统计' },
  SETTINGS_VERSION_CONFLICT: { status: 409, message: '设置刚被他人修改，请刷新后重试' },
});
