import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { BoardResponse } from '../../../../../shared/meetings/views';
import { formatShanghai } from '../../../../../shared/time';
import { meetingsApi } from '../../../api/meetings';
import { PageRoot } from '../../../components/page-root';
import { StatusView } from '../../../components/status-view';
import { locationLine } from './location-line';
import { usePolling } from './use-polling';
import './index.scss';

const POLL_MS = 3000;

type Status = BoardResponse['members'][number]['status'];
const GROUPS: readonly { status: Status; title: string }[] = [
  { status: 'checked_in', title: '准时签到' },
  { status: 'late', title: '迟到' },
  { status: 'missing', title: '未签到' },
];

/** Live attendance for the secretary: refreshed every 3 s while shown. */
export default function ActivityBoardPage() {
  const id = useRouter().params.id ?? '';
  const board = usePolling(() => meetingsApi.board(id), POLL_MS);
  const data = board.data;

  return (
    <PageRoot className="activity-board">
      <StatusView
        loading={board.loading}
        error={board.error}
        failure={board.failure}
        hasData={!!data}
        onRetry={board.restart}
      >
        {data ? (
          <>
            <View className="board-stats">
              <Stat label="应到" value={data.total} />
              <Stat label="已签到" value={data.checkedIn} tone="ok" />
              <Stat label="迟到" value={data.late} tone="warn" />
              <Stat label="未签到" value={data.missing} tone="bad" />
            </View>
            <Text className="board-note">已签到含迟到 · 每 3 秒自动刷新</Text>
            {GROUPS.map((group) => {
              const members = data.members.filter((m) => m.status === group.status);
              // With reported locations, one row per member leaves room for the distance line.
              const rows = members.some((m) => locationLine(m) !== null);
              return (
                <View key={group.status}>
                  <Text className="section-title">
                    {group.title}（{members.length}）
                  </Text>
                  <View className={`card board-members${rows ? ' board-members--rows' : ''}`}>
                    {members.length === 0 ? <Text className="muted">无</Text> : null}
                    {members.map((m) => {
                      const where = locationLine(m);
                      return (
                        <View key={m.memberId} className={`board-member board-member--${group.status}`}>
                          <View className="board-member-main">
                            <Text className="board-member-name">{m.name}</Text>
                            {m.at ? <Text className="board-member-time">{formatShanghai(m.at, 'HH:mm')}</Text> : null}
                          </View>
                          {where ? <Text className="board-member-where">{where}</Text> : null}
                        </View>
                      );
                    })}
                  </View>
                </View>
              );
            })}
          </>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}

function Stat({ label, value, tone }: { label: string; value: number; tone?: 'ok' | 'warn' | 'bad' }) {
  return (
    <View className={`board-stat${tone ? ` board-stat--${tone}` : ''}`}>
      <Text className="board-stat-value">{value}</Text>
      <Text className="board-stat-label">{label}</Text>
    </View>
  );
}
