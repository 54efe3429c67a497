import { defineErrors } from '../http/errors';

export const orgErrors = defineErrors({
  ORG_NOT_FOUND: { status: 404, message: '组织不存在' },
  MEMBER_NOT_FOUND: { status: 404, message: '党员不存在' },
  NOT_A_BRANCH: { status: 422, message: '党员只能编入党支部' },
  ID_NUMBER_TAKEN: { status: 409, message: '该身份证号已登记在册' },
  MEMBER_VERSION_CONFLICT: { status: 409, message: '党员信息已被他人修改，请刷新后重试' },
  IMPORT_FILE_UNREADABLE: { status: 400, message: '无法读取文件，请上传 .xlsx 格式的花名册' },
  IMPORT_EMPTY: { status: 422, message: '花名册中没有党员数据' },
  IMPORT_INVALID_ROWS: { status: 422, message: '花名册有错误，未导入任何数据，请修改后重新上传' },
  IMPORT_TOO_LARGE: {
    status: 422,
    message: '花名册文件过大（解压后超过 20 MB 或超过 5000 行），请拆分后分批导入',
  },
  CANNOT_DEACTIVATE_SELF: { status: 422, message: '不能停用自己的党员信息' },
});
