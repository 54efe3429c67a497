import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { MyStudyResponse } from '../../../../../shared/study/progress-schemas';
import { formatShanghai } from '../../../../../shared/time';
import { studyApi } from '../../../api/study';
import { Figures } from '../../../components/figures';
import { PagedView } from '../../../components/load-more';
import { PageRoot } from '../../../components/page-root';
import { go } from '../../../lib/nav';
import { usePagedList } from '../../../lib/use-paged-list';
import './index.scss';

const minutes = (seconds: number) => Math.round(seconds / 60);

/** 我的学习: my streak, today and this week, and my history — my own record only; no rank (§6.1). */
export default function MyStudyPage() {
  const [summary, setSummary] = useState<MyStudyResponse | null>(null);
  const history = usePagedList(async (cursor) => {
    const answer = await studyApi.mine(cursor);
    if (!cursor) setSummary(answer);
    return { items: answer.history, nextCursor: answer.nextCursor };
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page once, on opening
  useEffect(() => {
    void history.load(true);
  }, []);
  usePullDownRefresh(async () => {
    await history.load(true);
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void history.load(false));

  return (
    <PageRoot className="my-study">
      {summary ? (
        <Figures
          accent
          figures={[
            { label: '连续天数', value: summary.streak.current },
            { label: '最长连续', value: summary.streak.longest },
            { label: '今日分钟', value: minutes(summary.today.seconds) },
            { label: '本周完成', value: summary.week.checkins },
          ]}
        />
      ) : null}
      <PagedView list={history} empty="还没有学习记录，去学习页看看吧">
        {(items) => (
          <CellGroup className="my-study-list" title="学习记录">
            {items.map((entry) => (
              <Cell
                key={entry.id}
                clickable
                title={<Text className="my-study-title">{entry.title}</Text>}
                description={
                  <Text className="my-study-when">
                    {formatShanghai(entry.at, 'M月D日 HH:mm')} · 学习 {minutes(entry.seconds)} 分钟
                  </Text>
                }
                onClick={() => go('studyItem', { id: entry.itemId })}
              />
            ))}
          </CellGroup>
        )}
      </PagedView>
    </PageRoot>
  );
}
