import { Picker, Switch, Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { newIdempotencyKey } from '../../../api/client';
import { meetingAdminApi } from '../../../api/meeting-admin';
import { ActionButton } from '../../../components/action-button';
import { PageRoot } from '../../../components/page-root';
import { TextField } from '../../../components/text-field';
import { errorMessage } from '../../../lib/errors';
import { replace } from '../../../lib/nav';
import { rememberPlace } from '../../../lib/recent-places';
import { useSession } from '../../../store/session';
import { type ActivityForm, initialForm, QR_SLOT_OPTIONS, toRequest } from './form';
import { AttendanceFields, KindChoice, TopicFields } from './meeting-fields';
import { PlaceCoordinates, type PlacePick } from './place-coordinates';
import './index.scss';

export default function CreateActivityPage() {
  const member = useSession((state) => state.member);
  const [form, setForm] = useState<ActivityForm>(() => initialForm());
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // One key per filled-in form: a retry after a network failure cannot create a second activity.
  const idempotencyKey = useRef(newIdempotencyKey());

  // A form error shown after 发起 follows the form: fixing the field clears it, a new mistake replaces it.
  const [checked, setChecked] = useState(false);
  const update = (patch: Partial<ActivityForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    if (checked && member) {
      const request = toRequest(next, member.orgId);
      setError(typeof request === 'string' ? request : null);
    }
  };

  function pickPlace(pick: PlacePick) {
    update({
      lat: pick.lat,
      lng: pick.lng,
      ...(pick.name ? { placeName: pick.name } : {}),
      ...(pick.radiusM ? { radius: String(pick.radiusM) } : {}),
    });
  }

  async function submit() {
    if (!member || submitting) return;
    const request = toRequest(form, member.orgId);
    if (typeof request === 'string') {
      setChecked(true);
      setError(request);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const { activity } = await meetingAdminApi.create(request, idempotencyKey.current);
      if (request.place) rememberPlace(request.place);
      replace('activityQr', { id: activity.id });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <PageRoot className="create-activity">
      <Text className="section-title">会议类型（{member?.orgName ?? ''}）</Text>
      <KindChoice form={form} update={update} />
      <Text className="section-title">会议信息</Text>
      <TextField
        label="主题"
        value={form.title}
        maxLength={60}
        placeholder="如：11月主题党日"
        onInput={(title) => update({ title })}
      />
      <TopicFields form={form} update={update} />
      <PickerField mode="date" label="日期" value={form.date} onChange={(date) => update({ date })} />
      <PickerField mode="time" label="开始时间" value={form.start} onChange={(start) => update({ start })} />
      <PickerField mode="time" label="结束时间" value={form.end} onChange={(end) => update({ end })} />
      <Text className="create-note">时间为北京时间；签到在开始前 30 分钟开放，开始后签到记为迟到。</Text>

      <AttendanceFields form={form} update={update} />

      <Text className="section-title">签到码刷新</Text>
      <View className="create-choices">
        {QR_SLOT_OPTIONS.map((option) => (
          <View
            key={option.value}
            className={`create-choice${form.qrSlotSeconds === option.value ? ' create-choice--on' : ''}`}
            onClick={() => update({ qrSlotSeconds: option.value })}
          >
            <Text className="create-choice-label">{option.label}</Text>
            <Text className="create-choice-note">{option.note}</Text>
          </View>
        ))}
      </View>
      <Text className="create-note">大型会议选 10 秒：二维码变得更快，转发出去的截图很快失效。</Text>

      <Text className="section-title">签到地点（可选）</Text>
      <View className="field">
        <Text className="field-label create-switch-label">限定签到地点</Text>
        <Switch
          color="#c8161d"
          checked={form.withPlace}
          onChange={(event) => update({ withPlace: event.detail.value })}
        />
      </View>
      {form.withPlace ? (
        <>
          <TextField
            label="地点名称"
            value={form.placeName}
            maxLength={50}
            placeholder="如：门诊楼三楼会议室"
            onInput={(placeName) => update({ placeName })}
          />
          <TextField label="范围（米）" type="number" value={form.radius} onInput={(radius) => update({ radius })} />
          <PlaceCoordinates lat={form.lat} lng={form.lng} onPick={pickPlace} onError={setError} />
        </>
      ) : null}

      {error ? <Text className="form-error">{error}</Text> : null}
      <View className="actions">
        <ActionButton busy={submitting} onClick={() => void submit()}>
          发起并显示签到码
        </ActionButton>
      </View>
    </PageRoot>
  );
}

/** A labelled row that opens the system date or time picker. */
function PickerField(props: {
  mode: 'date' | 'time';
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Picker mode={props.mode} value={props.value} onChange={(event) => props.onChange(String(event.detail.value))}>
      <View className="field">
        <Text className="field-label">{props.label}</Text>
        <Text className="field-value">{props.value}</Text>
      </View>
    </Picker>
  );
}
