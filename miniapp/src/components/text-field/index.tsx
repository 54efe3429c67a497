import { Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import './index.scss';

export interface TextFieldProps {
  label: string;
  value: string;
  placeholder?: string;
  /** Shown under the row; the form clears it when the field is fixed. */
  error?: string | undefined;
  type?: 'text' | 'number' | 'idcard' | 'digit';
  maxLength?: number;
  onInput(value: string): void;
}

/**
 * A labelled form row with NutUI's Input: a clear (×) button once there is text, so an older member never has
 * to backspace a whole line, and the field's error under it.
 */
export function TextField({ label, value, placeholder, error, type = 'text', maxLength, onInput }: TextFieldProps) {
  return (
    <>
      <View className={`field${error ? ' field--bad' : ''}`}>
        <Text className="field-label">{label}</Text>
        <Input
          className="field-input text-field-input"
          type={type}
          value={value}
          placeholder={placeholder}
          maxLength={maxLength}
          clearable
          onChange={onInput}
        />
      </View>
      {error ? <Text className="field-error">{error}</Text> : null}
    </>
  );
}
