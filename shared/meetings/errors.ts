import { defineErrors } from '../http/errors';
import { recordErrors } from './record-errors';
import { scheduleErrors } from './schedule-errors';
import { statsErrors } from './stats-errors';

export const meetingsErrors = defineErrors({
  ...scheduleErrors,
  ...recordErrors,
  ...statsErrors,
  ACTIVITY_NOT_FOUND: { status: 404, message: '活动不存在' },
  ACTIVITY_WINDOW_INVALID: { status: 400, message: '活动时间不正确：结束时间须晚于开始时间，且不超过 24 小时' },
  QR_MALFORMED: { status: 400, message: '这不是本系统的签到二维码' },
  QR_EXPIRED: { status: 422, message: '签到码已过期，请扫描书记手机上的最新二维码' },
  QR_SIGNATURE_INVALID: { status: 422, message: '签到码无效，请扫描书记手机上的二维码' },
  CHECKIN_CODE_INVALID: { status: 422, message: '签到码不正确或已过期，请看书记手机上的最新 6 位码' },
  QR_WRONG_ACTIVITY: { status: 422, message: '这是其他活动的签到码' },
  CHECKIN_NOT_OPEN: { status: 422, message: '签到尚未开始（活动开始前 30 分钟开放）' },
  CHECKIN_CLOSED: { status: 422, message: '活动已结束，签到已关闭' },
  LOCATION_REQUIRED: { status: 422, message: '本活动需要定位签到，请允许获取位置' },
  OUTSIDE_GEOFENCE: { status: 422, message: '您不在活动地点范围内，无法签到' },
  NOT_IN_BRANCH: { status: 403, message: '这不是您所在支部的活动' },
});
