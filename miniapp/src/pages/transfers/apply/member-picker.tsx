import { Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { orgApi } from '../../../api/org';
import { PagedView } from '../../../components/load-more';
import { usePagedList } from '../../../lib/use-paged-list';
import type { Picked } from './form';

type RosterMember = Awaited<ReturnType<typeof orgApi.roster>>['items'][number];

/** 为哪位党员申请: the branch's active members (the roster, searchable by name); a tap picks one. */
export function MemberPicker({ orgId, onPick }: { orgId: string; onPick(member: Picked): void }) {
  const [query, setQuery] = useState('');
  const [asked, setAsked] = useState('');
  const list = usePagedList<RosterMember>(async (cursor) => {
    const page = await orgApi.roster(orgId, cursor, { status: 'active', q: asked });
    return { items: page.items, nextCursor: page.nextCursor };
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new search starts the list again
  useEffect(() => {
    void list.load(true);
  }, [asked]);

  return (
    <View className="apply-members">
      <View className="apply-search">
        <Input
          className="apply-search-input"
          value={query}
          placeholder="输入姓名查找"
          confirmType="search"
          onInput={(event) => setQuery(event.detail.value)}
          onConfirm={() => setAsked(query.trim())}
        />
        <Text className="apply-search-go" onClick={() => setAsked(query.trim())}>
          查找
        </Text>
      </View>
      <PagedView list={list} empty={asked ? '没有找到这位党员' : '本支部还没有党员'}>
        {(items) => (
          <View className="apply-member-list">
            {items.map((member) => (
              <View
                key={member.id}
                className="apply-member"
                onClick={() => onPick({ id: member.id, name: member.name })}
              >
                <Text className="apply-member-name">{member.name}</Text>
                <Text className="apply-member-pick">选择 ›</Text>
              </View>
            ))}
          </View>
        )}
      </PagedView>
    </View>
  );
}
