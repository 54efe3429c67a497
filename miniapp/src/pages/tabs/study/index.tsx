import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { studyApi } from '../../../api/study';
import { PagedView } from '../../../components/load-more';
import { PageRoot } from '../../../components/page-root';
import { go } from '../../../lib/nav';
import { usePagedList } from '../../../lib/use-paged-list';
import { useRemote } from '../../../lib/use-remote';
import { useUnreadBadge } from '../../../store/unread';
import './index.scss';

/** 学习: the 党建知识 aimed at my branch, by category and title, newest first; my streak (no ranking, §6.1). */
export default function StudyPage() {
  useUnreadBadge();
  const categories = useRemote(studyApi.categories);
  const mine = useRemote(() => studyApi.mine(), { immediate: false });
  const [category, setCategory] = useState('');
  const [query, setQuery] = useState('');
  const filter = useRef({ category: '', q: '' });
  const list = usePagedList((cursor) =>
    studyApi.list({
      ...(filter.current.category ? { category: filter.current.category } : {}),
      ...(filter.current.q ? { q: filter.current.q } : {}),
      ...(cursor ? { cursor } : {}),
    }),
  );
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Every show: back from an item, its 已学 mark and my streak may have changed.
  useDidShow(() => {
    void list.load(true);
    void mine.reload();
  });
  usePullDownRefresh(async () => {
    await Promise.all([list.load(true), mine.reload(), categories.reload()]);
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.load(false));

  function pick(code: string) {
    setCategory(code);
    filter.current = { ...filter.current, category: code };
    void list.load(true);
  }

  function search(text: string) {
    setQuery(text);
    if (typing.current) clearTimeout(typing.current);
    typing.current = setTimeout(() => {
      filter.current = { ...filter.current, q: text.trim() };
      void list.load(true);
    }, 300);
  }

  const streak = mine.data?.streak;
  return (
    <PageRoot className="study">
      <View className="card study-mine" onClick={() => go('myStudy')}>
        <View className="study-mine-figure">
          <Text className="study-mine-value">{streak ? streak.current : '—'}</Text>
          <Text className="study-mine-label">连续学习（天）</Text>
        </View>
        <View className="study-mine-figure">
          <Text className="study-mine-value">{mine.data ? mine.data.today.checkins : '—'}</Text>
          <Text className="study-mine-label">今日完成</Text>
        </View>
        <Text className="study-mine-more">我的学习 ›</Text>
      </View>

      <View className="study-search">
        <Input
          className="study-search-input"
          placeholder="搜索标题"
          confirmType="search"
          maxlength={30}
          value={query}
          onInput={(event) => search(event.detail.value)}
        />
      </View>
      <View className="study-categories">
        {[{ code: '', name: '全部' }, ...(categories.data?.categories ?? [])].map((entry) => (
          <View
            key={entry.code || 'all'}
            className={`study-category${category === entry.code ? ' study-category--on' : ''}`}
            onClick={() => pick(entry.code)}
          >
            {entry.name}
          </View>
        ))}
      </View>

      <PagedView list={list} empty={query ? '没有找到相关的学习内容' : '这个栏目还没有学习内容'}>
        {(items) =>
          items.map((item) => (
            <View key={item.id} className="card study-entry" onClick={() => go('studyItem', { id: item.id })}>
              <View className="study-entry-line">
                <Text className="study-entry-title">{item.title}</Text>
                {item.studiedToday ? <Text className="tag tag--ok study-entry-done">已学</Text> : null}
              </View>
              <Text className="muted study-entry-summary">{item.summary}</Text>
              <Text className="muted study-entry-meta">
                {item.categoryName} · {item.kind === 'video' ? '视频' : '图文'} · 约 {item.minMinutes} 分钟
              </Text>
            </View>
          ))
        }
      </PagedView>
    </PageRoot>
  );
}
