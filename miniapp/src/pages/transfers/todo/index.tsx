import { Text } from '@tarojs/components';
import { useState } from 'react';
import { APPROVERS } from '../../../../../shared/transfers/access';
import type { Transfer } from '../../../../../shared/transfers/schemas';
import { transfersApi } from '../../../api/transfers';
import { PagedView } from '../../../components/load-more';
import { usePagedScreen } from '../../../lib/use-paged-list';
import { TransferCard } from '../components/transfer-card';
import { TransferPage } from '../components/transfer-page';
import '../components/transfers.scss';
import './index.scss';

/**
 * 待我审批: the transfer steps waiting at my org (a secretary's branch, committee staff's committee), newest
 * first, 加载更多 by the cursor; overdue ones marked in red. A tap opens the transfer to decide it.
 */
export default function TransferTodoPage() {
  const [count, setCount] = useState<number | null>(null);
  const list = usePagedScreen<Transfer>(async (cursor) => {
    const page = await transfersApi.todo(cursor);
    setCount(page.count);
    return { items: page.transfers, nextCursor: page.nextCursor };
  });
  // Counted only once every page is read: the first page's overdue ones are not all of them.
  const overdue = list.cursor ? 0 : (list.items?.filter((transfer) => transfer.overdue).length ?? 0);
  return (
    <TransferPage className="transfer-todo" roles={APPROVERS}>
      {count !== null && count > 0 ? (
        <Text className="todo-summary">
          共 {count} 件待办{overdue ? `，其中 ${overdue} 件已超期` : ''}
        </Text>
      ) : null}
      <PagedView list={list} empty="没有等待您审批的转接">
        {(items) => items.map((transfer) => <TransferCard key={transfer.id} transfer={transfer} />)}
      </PagedView>
    </TransferPage>
  );
}
