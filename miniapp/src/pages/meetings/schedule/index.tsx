import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { describePlan, WEEKDAY_NAMES } from '../../../../../shared/meetings/schedule';
import type { NightStudySchedule } from '../../../../../shared/meetings/schedule-schemas';
import { formatShanghai, shanghaiDay } from '../../../../../shared/time';
import { meetingAdminApi } from '../../../api/meeting-admin';
import { ActionButton } from '../../../components/action-button';
import { Choices } from '../../../components/choices';
import { PageRoot } from '../../../components/page-root';
import { StatusView } from '../../../components/status-view';
import { errorMessage } from '../../../lib/errors';
import { useRemote } from '../../../lib/use-remote';
import { useSession } from '../../../store/session';
import { CheckinOptionRows, PickerRow } from '../components/form-rows';
import { fieldErrors, formOf, requestOf, type ScheduleField, type ScheduleForm } from './form';
import { SkipDates } from './skip-dates';
import { UpcomingSessions } from './upcoming';
import './index.scss';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map((day) => [String(day), WEEKDAY_NAMES[day] ?? ''] as const);

/** 夜学安排: the branch's weekly 周二夜学 (weekday, times, 签退, in-app check-in, holidays) and its coming sessions. */
export default function NightStudySchedulePage() {
  const orgId = useSession((state) => state.member?.orgId ?? '');
  const remote = useRemote(() => meetingAdminApi.schedule(orgId));
  const [schedule, setSchedule] = useState<NightStudySchedule | null>(null);
  const [form, setForm] = useState<ScheduleForm | null>(null);
  const [problems, setProblems] = useState<Partial<Record<ScheduleField, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!remote.data) return;
    setSchedule(remote.data.schedule);
    setForm(formOf(remote.data.schedule));
  }, [remote.data]);

  function update(patch: Partial<ScheduleForm>) {
    if (!form) return;
    setForm({ ...form, ...patch });
    const cleared = { ...problems };
    for (const key of Object.keys(patch)) delete cleared[key as ScheduleField];
    setProblems(cleared);
  }

  async function save() {
    if (!form || saving) return;
    setSaving(true);
    setError(null);
    setProblems({});
    try {
      const answer = await meetingAdminApi.saveSchedule(orgId, requestOf(form));
      setSchedule(answer.schedule);
      setForm(formOf(answer.schedule));
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (caught) {
      const fields = fieldErrors(caught, form);
      setProblems(fields);
      setError(Object.keys(fields).length ? '请按提示修改后再保存' : errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  const today = shanghaiDay(Date.now());
  return (
    <PageRoot className="night-study-schedule">
      <StatusView
        loading={remote.loading}
        error={remote.error}
        failure={remote.failure}
        hasData={!!form}
        onRetry={() => void remote.reload()}
      >
        {form && schedule ? (
          <>
            <View className="card schedule-now">
              <Text className="schedule-now-plan">{describePlan(schedule)}</Text>
              <Text className="muted schedule-now-meta">
                {schedule.saved && schedule.updatedAt
                  ? `第 ${schedule.version} 版 · ${schedule.updatedBy?.name ?? ''} ${formatShanghai(schedule.updatedAt)} 保存`
                  : '默认安排（尚未保存）'}
              </Text>
            </View>

            <Text className="section-title">每周</Text>
            <View className={`schedule-weekdays${problems.weekday ? ' field--bad' : ''}`}>
              <Choices
                options={WEEKDAYS}
                selected={[String(form.weekday)]}
                onTap={(day) => update({ weekday: Number(day) })}
              />
            </View>
            {problems.weekday ? <Text className="field-error">{problems.weekday}</Text> : null}

            <Text className="section-title">时间（北京时间）</Text>
            <PickerRow
              mode="time"
              label="开始时间"
              value={form.start}
              bad={!!problems.start}
              onChange={(start) => update({ start })}
            />
            {problems.start ? <Text className="field-error">{problems.start}</Text> : null}
            <PickerRow
              mode="time"
              label="结束时间"
              value={form.end}
              bad={!!problems.end}
              onChange={(end) => update({ end })}
            />
            {problems.end ? <Text className="field-error">{problems.end}</Text> : null}

            <Text className="section-title">签到</Text>
            <CheckinOptionRows value={form} onChange={update} />

            <Text className="section-title">节假日不安排</Text>
            <SkipDates
              dates={form.skipDates}
              today={today}
              error={problems.skipDates}
              onChange={(skipDates) => update({ skipDates })}
            />
            {problems.other ? <Text className="form-error">{problems.other}</Text> : null}

            {error ? <Text className="form-error">{error}</Text> : null}
            <View className="actions">
              <ActionButton busy={saving} onClick={() => void save()}>
                保存安排
              </ActionButton>
            </View>
            <Text className="muted schedule-note">
              保存后自动生成今后 {schedule.weeksAhead}{' '}
              周的夜学；日期或时间变了的场次会自动取消并写明原因。党员在每次夜学前收到提醒。
            </Text>

            <UpcomingSessions sessions={schedule.upcoming} />
          </>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}
