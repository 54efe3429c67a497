import { defineErrors } from '../http/errors';

export const duesErrors = defineErrors({
  DUES_BASE_NOT_FOUND: { status: 404, message: '党费基数申报不存在' },
  DUES_BASE_ALREADY_DECIDED: { status: 409, message: '该基数申报已审核过，不能重复审核' },
  /** §6: a reduction or exemption is proposed by the branch and approved by the committee above. */
  DUES_BASE_NEEDS_COMMITTEE: { status: 403, message: '减交、免交须由上级党委审批' },
  DUES_BASE_SELF_DECISION: { status: 403, message: '不能审核本人的党费基数，请由支部其他委员或上级党委审核' },
  DUES_BASE_MONTH_OUTSIDE_YEAR: { status: 422, message: '起算月份须在申报年度之内' },
  /** No approved base covers the month: nothing can be computed or billed. */
  DUES_NO_BASE: { status: 422, message: '尚未核定党费基数，请先申报并等待审核' },
  DUES_BILL_NOT_FOUND: { status: 404, message: '党费账单不存在' },
  DUES_BILL_NOT_YOURS: { status: 403, message: '只能缴纳本人的党费' },
  DUES_BILL_ALREADY_PAID: { status: 409, message: '所选月份的党费已经缴纳，无需重复缴纳' },
  DUES_BILL_OTHER_MEMBER: { status: 422, message: '所选账单不属于同一名党员' },
  DUES_NO_BILLS: { status: 400, message: '请至少选择一个月的党费' },
  /** §6: back payment normally covers at most 6 months; older months go through the 组织委员. */
  DUES_ARREARS_TOO_OLD: { status: 422, message: '超过 6 个月的欠缴党费请联系组织委员办理' },
  DUES_PREPAY_NOT_ALLOWED: { status: 422, message: '本支部未开通预缴，只能缴纳本月及以前的党费' },
  DUES_TOO_MANY_MONTHS: { status: 422, message: '一次最多预缴 6 个月' },
  DUES_MONTH_OUT_OF_RANGE: { status: 422, message: '月份超出可生成账单的范围' },
  DUES_NOT_BRANCH_MEMBER: { status: 422, message: '该党员不在本支部' },
  DUES_NO_OPENID: { status: 422, message: '您的账号尚未绑定微信，无法在线缴纳，请联系组织委员现金缴纳' },
  DUES_ORDER_NOT_FOUND: { status: 404, message: '缴费订单不存在' },
  DUES_PAY_UNAVAILABLE: { status: 503, message: '微信支付暂时不可用，请稍后再试，或联系组织委员现金缴纳' },
  DUES_SETTINGS_STALE: { status: 409, message: '设置刚被他人修改，请刷新后再改' },
  DUES_RECEIPT_DUPLICATE: { status: 409, message: '该收据号已经登记过，请核对收据号' },
  DUES_PAYMENT_NOT_FOUND: { status: 404, message: '缴费记录不存在' },
  DUES_PAYMENT_ALREADY_REVERSED: { status: 409, message: '该笔缴费已冲正，不能重复冲正' },
  /** WeChat Pay notifications we refuse (answered with WeChat's `code: "FAIL"` too). */
  DUES_NOTIFY_SIGNATURE: { status: 401, message: '支付通知签名验证失败' },
  DUES_NOTIFY_UNREADABLE: { status: 400, message: '支付通知内容无法解析或解密' },
  DUES_NOTIFY_UNKNOWN_ORDER: { status: 404, message: '支付通知所指的订单不存在' },
  DUES_NOTIFY_MISMATCH: { status: 400, message: '支付通知与订单不符（商户号、金额或付款人）' },
  DUES_NOTIFY_ORDER_CLOSED: { status: 409, message: '支付通知所指的订单已关闭或已过期' },
  DUES_VOLUNTARY_WITHOUT_BILLS: { status: 422, message: '单独的自愿多交须不少于 1000 元；其余请随党费一起缴纳' },
});
