import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { Activity } from '../../../../../shared/meetings/schemas';
import { formatShanghai } from '../../../../../shared/time';
import { newIdempotencyKey } from '../../../api/client';
import { attendanceApi } from '../../../api/meeting-attendance';
import { studyApi } from '../../../api/study';
import { ActionButton } from '../../../components/action-button';
import { remoteStatus, StatusView } from '../../../components/status-view';
import { errorMessage } from '../../../lib/errors';
import { go } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';

interface MakeupPanelProps {
  readonly activity: Pick<Activity, 'id' | 'materialItemIds'>;
  readonly until: string;
  /** After 补学 is recorded: the page reloads the meeting. */
  onDone(): void;
}

/** A material item as the list shows it: its title and whether I studied it today, or that it is gone. */
type Material = { id: string; title: string; studiedToday: boolean } | { id: string; gone: true };

async function loadMaterial(ids: readonly string[]): Promise<Material[]> {
  const answers = await Promise.allSettled(ids.map((id) => studyApi.get(id)));
  return answers.map((answer, index): Material => {
    const id = ids[index]!;
    if (answer.status === 'rejected') return { id, gone: true };
    return { id, title: answer.value.item.title, studiedToday: !!answer.value.todayCheckin };
  });
}

/**
 * 补学: the meeting's study material, each with a way to study it, and 提交补学 once all are done — the server
 * decides (MAKEUP_INCOMPLETE / MAKEUP_EXPIRED come back in its words).
 */
export function MakeupPanel({ activity, until, onDone }: MakeupPanelProps) {
  // Loaded when the panel appears (the page is already showing then), and again back from studying an item.
  const material = useRemote(() => loadMaterial(activity.materialItemIds));
  useDidShow(() => void material.reload());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  async function submit() {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      await attendanceApi.makeUp(activity.id, newIdempotencyKey());
      void Taro.showToast({ title: '补学已完成', icon: 'success' });
      onDone();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return (
    <View className="makeup">
      <Text className="makeup-title">补学</Text>
      <Text className="muted makeup-note">
        请在 {formatShanghai(until, 'M月D日 HH:mm')} 前学完以下材料，再提交补学（须在会议开始后学习）。
      </Text>
      <StatusView {...remoteStatus(material)}>
        {material.data?.map((item) =>
          'gone' in item ? (
            <View key={item.id} className="makeup-item">
              <Text className="muted makeup-item-title">该学习材料已下架或不可查看</Text>
            </View>
          ) : (
            <View key={item.id} className="makeup-item" onClick={() => go('studyItem', { id: item.id })}>
              <Text className="makeup-item-title">{item.title}</Text>
              {item.studiedToday ? <Text className="tag tag--ok">今日已学</Text> : null}
              <Text className="makeup-item-go">去学习 ›</Text>
            </View>
          ),
        )}
      </StatusView>
      <View className="makeup-submit">
        <ActionButton busy={busy} onClick={() => void submit()}>
          提交补学
        </ActionButton>
      </View>
      {error ? <Text className="form-error makeup-error">{error}</Text> : null}
    </View>
  );
}
