import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { APPROVERS } from '../../../../../shared/transfers/access';
import { transferTodo } from '../../../../../shared/transfers/routes';
import { request } from '../../../api/client';
import { hasAnyRole, useSession } from '../../../store/session';

/**
 * 待我审批's badge on 首页: the transfer steps waiting at my org (GET /v1/transfers/todo's maintained `count`, one
 * item read), for secretaries and committee staff, fetched whenever 首页 shows. The route module reaches the
 * main package without its schemas (miniapp/tools/strip-route-schemas.js); api/transfers.ts stays in the
 * subpackage.
 */
export function useTodoBadge(): number {
  const [count, setCount] = useState(0);
  useDidShow(() => {
    // The member as of this show (a refresh may have changed their roles since the page was made).
    if (!hasAnyRole(useSession.getState().member, APPROVERS)) return setCount(0);
    request(transferTodo, { query: { limit: 1 } })
      .then((answer) => setCount(answer.count))
      // A badge is a hint: a failed count keeps the last one; the next show asks again.
      .catch(() => undefined);
  });
  return count;
}
