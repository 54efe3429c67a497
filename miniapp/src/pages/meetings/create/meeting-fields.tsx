import { Text, View } from '@tarojs/components';
import { MEETING_KIND_NAMES, MEETING_KINDS } from '../../../../../shared/meetings/kinds';
import { Choices } from '../../../components/choices';
import { TextField } from '../../../components/text-field';
import { CheckinOptionRows } from '../components/form-rows';
import type { ActivityForm } from './form';
import { MaterialPicker } from './material-picker';

const KIND_OPTIONS = MEETING_KINDS.map((kind) => [kind, MEETING_KIND_NAMES[kind]] as const);

/** 会议类型 as chips at the top of the form. */
export function KindChoice({ form, update }: { form: ActivityForm; update(patch: Partial<ActivityForm>): void }) {
  return (
    <View className="create-kinds">
      <Choices options={KIND_OPTIONS} selected={[form.kind]} onTap={(kind) => update({ kind })} />
    </View>
  );
}

/** 议题 and 主持人 (as written on the record). */
export function TopicFields({ form, update }: { form: ActivityForm; update(patch: Partial<ActivityForm>): void }) {
  return (
    <>
      <TextField
        label="议题"
        value={form.topic}
        maxLength={200}
        placeholder="可选，如：学习党章第三章"
        onInput={(topic) => update({ topic })}
      />
      <TextField
        label="主持人"
        value={form.host}
        maxLength={20}
        placeholder="可选，姓名"
        onInput={(host) => update({ host })}
      />
    </>
  );
}

/** 学习材料, 签退 and in-app check-in: what the meeting asks of members beyond scanning in. */
export function AttendanceFields({ form, update }: { form: ActivityForm; update(patch: Partial<ActivityForm>): void }) {
  return (
    <>
      <Text className="section-title">学习材料（可选，供缺席、请假的党员补学）</Text>
      <MaterialPicker value={form.materials} onChange={(materials) => update({ materials })} />

      <Text className="section-title">签到方式</Text>
      <CheckinOptionRows value={form} onChange={update} />
      <Text className="create-note">
        需要签退：会议结束时再出示签退码，未签退的记为早退。允许小程序内签到：签到开放期间党员可直接在小程序里签到，不必扫码。
      </Text>
    </>
  );
}
