import { Picker, Text, View } from '@tarojs/components';
import './form-rows.scss';

/**
 * A labelled on/off row; the whole row toggles. Drawn here, in the look of 我的 › 大字模式's NutUI Switch: a
 * NutUI component used by a subpackage and by a main-package page is hoisted into the main package (~7 KB).
 */
export function SwitchRow(props: { label: string; checked: boolean; onChange(value: boolean): void }) {
  return (
    <View
      className={`field switch-row${props.checked ? ' switch-row--on' : ''}`}
      role="switch"
      onClick={() => props.onChange(!props.checked)}
    >
      <Text className="switch-row-label">{props.label}</Text>
      <View className="switch-row-track">
        <View className="switch-row-thumb" />
      </View>
    </View>
  );
}

/** How members check in to a meeting (the create form) or to every 周二夜学 session (the schedule). */
export interface CheckinOptions {
  readonly requireCheckout: boolean;
  readonly allowInApp: boolean;
}

export function CheckinOptionRows(props: { value: CheckinOptions; onChange(patch: Partial<CheckinOptions>): void }) {
  return (
    <>
      <SwitchRow
        label="需要签退"
        checked={props.value.requireCheckout}
        onChange={(requireCheckout) => props.onChange({ requireCheckout })}
      />
      <SwitchRow
        label="允许在小程序内签到"
        checked={props.value.allowInApp}
        onChange={(allowInApp) => props.onChange({ allowInApp })}
      />
    </>
  );
}

/** A labelled row that opens the system date or time picker (a wheel on weapp, a sheet on H5). */
export function PickerRow(props: {
  mode: 'date' | 'time';
  label: string;
  value: string;
  start?: string;
  bad?: boolean;
  onChange(value: string): void;
}) {
  return (
    <Picker
      mode={props.mode}
      value={props.value}
      start={props.start}
      onChange={(event) => props.onChange(String(event.detail.value))}
    >
      <View className={`field${props.bad ? ' field--bad' : ''}`}>
        <Text className="field-label">{props.label}</Text>
        <Text className="field-value">{props.value}</Text>
        <Text className="picker-row-arrow">›</Text>
      </View>
    </Picker>
  );
}
