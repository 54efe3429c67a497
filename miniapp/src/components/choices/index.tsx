import { View } from '@tarojs/components';
import './index.scss';

/**
 * Choice chips (性别, 类别, 栏目, 类型…): 40 px targets with the label inside, wrapping at 320 px and in
 * 大字模式 — what NutUI's Radio does not give. One or many may be on; the caller decides what a tap does.
 */
export function Choices<T extends string>(props: {
  options: readonly (readonly [T, string])[];
  selected: readonly string[];
  onTap(value: T): void;
}) {
  return (
    <View className="choices">
      {props.options.map(([value, label]) => (
        <View
          key={value}
          className={`choice${props.selected.includes(value) ? ' choice--on' : ''}`}
          onClick={() => props.onTap(value)}
        >
          {label}
        </View>
      ))}
    </View>
  );
}
