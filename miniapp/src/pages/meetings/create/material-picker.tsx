import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { MAX_MATERIAL_ITEMS } from '../../../../../shared/meetings/schemas';
import { studyApi } from '../../../api/study';
import { PagedView } from '../../../components/load-more';
import { TextField } from '../../../components/text-field';
import { usePagedList } from '../../../lib/use-paged-list';
import type { MaterialChoice } from './form';

/**
 * 学习材料: published study items (the member's own library feed) a member on leave or absent completes for
 * 补学. The chosen ones are chips with ×; 添加 opens the library (searchable by title) and a tap adds or removes.
 */
export function MaterialPicker({
  value,
  onChange,
}: {
  value: MaterialChoice[];
  onChange(next: MaterialChoice[]): void;
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const queryRef = useRef('');
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);
  const list = usePagedList((cursor) =>
    studyApi.list({ ...(queryRef.current ? { q: queryRef.current } : {}), ...(cursor ? { cursor } : {}) }),
  );
  const full = value.length >= MAX_MATERIAL_ITEMS;

  function toggleOpen() {
    if (!open && list.items === null) void list.load(true);
    setOpen(!open);
  }

  function search(text: string) {
    setQuery(text);
    queryRef.current = text.trim().slice(0, 30);
    if (typing.current) clearTimeout(typing.current);
    typing.current = setTimeout(() => void list.load(true), 300);
  }

  function toggle(item: MaterialChoice) {
    if (value.some((m) => m.id === item.id)) onChange(value.filter((m) => m.id !== item.id));
    else if (!full) onChange([...value, { id: item.id, title: item.title }]);
  }

  return (
    <>
      {value.length ? (
        <View className="material-chips">
          {value.map((item) => (
            <View key={item.id} className="material-chip">
              <Text className="material-chip-title">{item.title}</Text>
              <View
                className="material-chip-remove"
                aria-label={`移除 ${item.title}`}
                onClick={() => onChange(value.filter((m) => m.id !== item.id))}
              >
                ×
              </View>
            </View>
          ))}
        </View>
      ) : null}
      <View className="field material-toggle" onClick={toggleOpen}>
        <Text className="material-toggle-text">{open ? '收起学习内容' : '添加学习材料'}</Text>
        <Text className="material-toggle-count">
          {value.length}/{MAX_MATERIAL_ITEMS} {open ? '▴' : '▾'}
        </Text>
      </View>
      {open ? (
        <View className="material-list">
          <TextField label="搜索" value={query} placeholder="按标题搜索" maxLength={30} onInput={search} />
          {full ? <Text className="create-note">已选满 {MAX_MATERIAL_ITEMS} 项，移除一项后才能再添加。</Text> : null}
          <PagedView list={list} empty={query ? '没有找到相关学习内容' : '还没有已发布的学习内容'}>
            {(items) =>
              items.map((item) => {
                const on = value.some((m) => m.id === item.id);
                return (
                  <View
                    key={item.id}
                    className={`material-row${on ? ' material-row--on' : ''}${!on && full ? ' material-row--off' : ''}`}
                    onClick={() => toggle(item)}
                  >
                    <View className="material-row-main">
                      <Text className="material-row-title">{item.title}</Text>
                      <Text className="material-row-note">
                        {item.categoryName} · {item.minMinutes} 分钟
                      </Text>
                    </View>
                    <Text className="material-row-mark">{on ? '✓ 已选' : '添加'}</Text>
                  </View>
                );
              })
            }
          </PagedView>
        </View>
      ) : null}
    </>
  );
}
