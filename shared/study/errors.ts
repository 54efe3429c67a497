import { defineErrors } from '../http/errors';

export const studyErrors = defineErrors({
  /** Unknown, unpublished, or not aimed at the caller's branch: the same answer, so nothing leaks. */
  STUDY_ITEM_NOT_FOUND: { status: 404, message: '学习内容不存在或已下架' },
  /** Unknown, or another member's. */
  STUDY_SESSION_NOT_FOUND: { status: 404, message: '学习记录不存在，请重新打开学习内容' },
  STUDY_CATEGORY_UNKNOWN: { status: 400, message: '学习栏目不存在，请从栏目列表中选择' },
  STUDY_BODY_REQUIRED: { status: 400, message: '图文学习内容须填写正文' },
  STUDY_BODY_UNSAFE: { status: 400, message: '正文包含不允许的内容（如脚本、内嵌网页或事件代码），请删除后重试' },
  STUDY_IMAGE_URL_INVALID: { status: 400, message: '正文中的图片须使用 https 开头的网址' },
  STUDY_VIDEO_URL_REQUIRED: { status: 400, message: '视频学习内容须填写 https 开头的视频链接' },
  STUDY_TARGET_OUT_OF_SCOPE: { status: 403, message: '只能向本人管辖范围内的组织发布学习内容' },
  STUDY_ITEM_VERSION_CONFLICT: { status: 409, message: '学习内容已被他人修改，请刷新后重试' },
  STUDY_TOO_SHORT: { status: 422, message: '学习时间还未达到本内容的最低要求，请继续学习后再点“完成学习”' },
  STUDY_SESSION_EXPIRED: { status: 422, message: '本次学习已超过 24 小时，请重新打开学习内容' },
  STUDY_SESSION_COMPLETED: { status: 409, message: '本次学习已经完成，无需重复提交' },
});
