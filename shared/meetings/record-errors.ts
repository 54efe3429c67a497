import { defineErrors } from '../http/errors';

/**
 * Error codes of the meeting record (纪要) and its photo uploads (DESIGN §5). A cancelled meeting answers the
 * domain's ACTIVITY_CANCELLED (409). A photo key not issued for the meeting's branch is 422, not 403: the
 * caller may run this meeting, only the key is wrong (expired, mistyped or another branch's — not told apart).
 */
export const recordErrors = defineErrors({
  PHOTO_NOT_IMAGE: { status: 422, message: '只能上传 JPG、PNG 或 WebP 格式的图片' },
  PHOTO_TOO_LARGE: { status: 422, message: '照片不能超过 5 MB，请压缩后重新上传' },
  PHOTO_KEY_INVALID: { status: 422, message: '照片不是为本支部上传的或已过期，请重新上传' },
  PHOTO_NOT_UPLOADED: { status: 422, message: '照片还没有上传成功，请重新上传' },
  RECORD_TOO_EARLY: { status: 422, message: '会议开始后才能填写纪要' },
  RECORD_TOO_LATE: { status: 422, message: '会议结束已超过 30 天，不能再补录纪要' },
  RECORD_VERSION_CONFLICT: { status: 409, message: '纪要已被他人修改，请刷新后再保存' },
  ABSENTEE_NOT_MEMBER: { status: 422, message: '缺席人员须是本支部党员，请重新选择' },
});
