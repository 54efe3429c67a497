import { defineErrors } from '../http/errors';

export const transfersErrors = defineErrors({
  TRANSFER_NOT_FOUND: { status: 404, message: '转接申请不存在' },
  /** At most one open transfer per member, held by a key (DESIGN §5.2). */
  TRANSFER_ALREADY_OPEN: { status: 409, message: '该党员已有一份正在办理的转接申请，请先办完或撤回' },
  /** The step was decided meanwhile, the version is stale, or the action does not fit the state (DESIGN §5.2). */
  TRANSFER_STATE_CONFLICT: { status: 409, message: '该转接已不在这一步（可能已被他人处理或已结束），请刷新后查看' },
  TRANSFER_SAME_BRANCH: { status: 422, message: '转入支部不能是党员现在所在的支部' },
  TRANSFER_DESTINATION_UNKNOWN: { status: 422, message: '转入组织不存在或不是党支部，请从组织架构中选择一个党支部' },
  TRANSFER_NOT_BRANCH_MEMBER: { status: 422, message: '只能为本支部的在册党员申请转接' },
  /** §6: a letter states 党费交至; unpaid months need the committee's override with a reason. */
  TRANSFER_DUES_NOT_PAID_UP: {
    status: 422,
    message: '该党员党费未交至转出当月，请先补交，或由党委填写原因后仍开具介绍信',
  },
  TRANSFER_NO_LETTER: { status: 409, message: '该转接没有开具介绍信，无需登记回执' },
  TRANSFER_LETTER_EXPIRED: { status: 409, message: '介绍信已过有效期，不能再登记回执，请重新办理转接' },
  TRANSFER_LETTER_REGISTERED: { status: 409, message: '这份介绍信已经登记过转入，请核对介绍信编号' },
  TRANSFER_SETTINGS_STALE: { status: 409, message: '设置刚被他人修改，请刷新后再改' },
});
