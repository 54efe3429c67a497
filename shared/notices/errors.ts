import { defineErrors } from '../http/errors';

export const noticesErrors = defineErrors({
  /** Unknown, still being published, or not aimed at the caller: all answer alike (another branch's → 404). */
  NOTICE_NOT_FOUND: { status: 404, message: '通知不存在，或不是发给您所在组织的' },
  /** An unknown org, or one outside the author's subtree (a secretary: their own branch only): scope → 403 (§5). */
  NOTICE_TARGET_OUT_OF_SCOPE: {
    status: 403,
    message: '发布范围只能是您所管理的组织（支部书记：本支部；党委：所辖组织）',
  },
});
