import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import {
  MAX_MINUTES_CHARS,
  MAX_RECORD_PHOTOS,
  type MeetingRecord,
} from '../../../../../shared/meetings/record-schemas';
import { formatShanghai } from '../../../../../shared/time';
import { meetingAdminApi } from '../../../api/meeting-admin';
import { meetingsApi } from '../../../api/meetings';
import { ActionButton } from '../../../components/action-button';
import { PageRoot } from '../../../components/page-root';
import { remoteStatus, StatusView } from '../../../components/status-view';
import { TextField } from '../../../components/text-field';
import { errorMessage } from '../../../lib/errors';
import { queryValue } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { MeetingHeading } from '../components/meeting-heading';
import { type Absentee, Absentees } from './absentees';
import { absenteesFromBoard, absenteesFromRecord, charCount, problemOf } from './form';
import { Photos } from './photos';
import { usePhotos } from './use-photos';
import './index.scss';

async function loadAll(id: string) {
  const [detail, saved, board] = await Promise.all([
    meetingsApi.get(id),
    meetingAdminApi.record(id),
    meetingAdminApi.board(id),
  ]);
  return { detail, record: saved.record, board };
}

/**
 * 会议纪要: minutes (≤ 20,000 characters), absentees with reasons (from the board for a new record), up to 9
 * photos uploaded straight to object storage, topic and host. A record first saved after the meeting ended is
 * 补录, and says who entered it and when.
 */
export default function MeetingRecordPage() {
  const id = queryValue(useRouter().params.id);
  const remote = useRemote(() => loadAll(id));
  const photos = usePhotos();
  const [record, setRecord] = useState<MeetingRecord | null>(null);
  const [minutes, setMinutes] = useState('');
  const [topic, setTopic] = useState('');
  const [host, setHost] = useState('');
  const [absentees, setAbsentees] = useState<Absentee[]>([]);
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  function fill(saved: MeetingRecord | null) {
    const data = remote.data;
    setRecord(saved);
    setMinutes(saved?.minutes ?? '');
    setTopic(saved?.topic ?? data?.detail.activity.topic ?? '');
    setHost(saved?.host ?? data?.detail.activity.host ?? '');
    setAbsentees(saved ? absenteesFromRecord(saved) : data ? absenteesFromBoard(data.board) : []);
    photos.reset(saved?.photos ?? []);
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: fill the form once, when the meeting arrives.
  useEffect(() => {
    if (remote.data) fill(remote.data.record);
  }, [remote.data]);

  async function save() {
    if (saving) return;
    setTried(true);
    const problem = problemOf(minutes, absentees, photos.photos);
    if (problem) return setError(problem);
    setSaving(true);
    setError(null);
    try {
      const answer = await meetingAdminApi.saveRecord(id, {
        minutes: minutes.trim(),
        photoKeys: photos.photos.map((photo) => photo.key!),
        absentees: absentees.map((a) => ({ memberId: a.memberId, reason: a.reason.trim() })),
        ...(topic.trim() ? { topic: topic.trim() } : {}),
        ...(host.trim() ? { host: host.trim() } : {}),
        ...(record ? { version: record.version } : {}),
      });
      fill(answer.record);
      setTried(false);
      void Taro.showToast({ title: '纪要已保存', icon: 'success' });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  const data = remote.data;
  const activity = data?.detail.activity;
  const ended = !!activity && Date.now() > Date.parse(activity.endAt);
  return (
    <PageRoot className="meeting-record">
      <StatusView {...remoteStatus(remote)}>
        {activity ? (
          <>
            <MeetingHeading activity={activity} />
            <RecordState record={record} phase={data.detail.phase} ended={ended} />
            <Text className="section-title">议题与主持人</Text>
            <TextField label="议题" value={topic} maxLength={200} placeholder="可选" onInput={setTopic} />
            <TextField label="主持人" value={host} maxLength={20} placeholder="可选，姓名" onInput={setHost} />

            <View className="record-minutes-title">
              <Text className="section-title">会议纪要</Text>
              <Text className={`record-count${charCount(minutes) > MAX_MINUTES_CHARS ? ' record-count--over' : ''}`}>
                {charCount(minutes)}/{MAX_MINUTES_CHARS}
              </Text>
            </View>
            <View className={`record-minutes${tried && !minutes.trim() ? ' field--bad' : ''}`}>
              <Textarea
                className="record-minutes-input"
                value={minutes}
                maxlength={MAX_MINUTES_CHARS}
                placeholder="会议内容、讨论情况、形成的决议…"
                onInput={(event) => setMinutes(event.detail.value)}
              />
            </View>

            <Text className="section-title">缺席人员（{absentees.length}）</Text>
            <Absentees value={absentees} candidates={data.board.members} showEmpty={tried} onChange={setAbsentees} />

            <Text className="section-title">
              会议照片（{photos.photos.length}/{MAX_RECORD_PHOTOS}）
            </Text>
            <Photos state={photos} />
            <Text className="muted record-photo-note">支持 JPG、PNG、WebP 格式，每张不超过 5 MB。</Text>

            {error ? <Text className="form-error">{error}</Text> : null}
            <View className="actions">
              <ActionButton busy={saving} onClick={() => void save()}>
                {record ? '保存修改' : '保存纪要'}
              </ActionButton>
            </View>
          </>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}

/** Saved or not; 补录 (entered after the meeting) with who and when; too early to save. */
function RecordState(props: { record: MeetingRecord | null; phase: string; ended: boolean }) {
  const { record } = props;
  if (!record) {
    if (props.phase === 'upcoming') return <Text className="record-state">会议开始后才能保存纪要，可先填写。</Text>;
    return (
      <Text className="record-state">
        {props.ended ? '尚未填写纪要。会议已结束，现在保存将标记为“补录”。' : '尚未填写纪要。'}
      </Text>
    );
  }
  return (
    <View className="card record-saved">
      {record.late ? (
        <View className="record-late">
          <Text className="tag tag--warn">补录</Text>
          <Text className="record-late-text">
            {record.createdByName} 于 {formatShanghai(record.createdAt)} 在会后录入
          </Text>
        </View>
      ) : null}
      <Text className="muted record-saved-text">
        最后保存：{record.savedByName} · {formatShanghai(record.savedAt)}
      </Text>
    </View>
  );
}
