import { Text, View } from '@tarojs/components';
import type { Step, StepStatus } from './labels';

const STATUS_TEXT: Record<StepStatus, string> = {
  done: '已完成',
  current: '办理中',
  stopped: '已终止',
  todo: '未开始',
};

const MARK: Record<StepStatus, string> = { done: '✓', current: '●', stopped: '×', todo: '' };

/**
 * Where the transfer stands, one step a line (a row of four would break 转出支部审批 at 320 px and in 大字模式):
 * the steps done, the one waiting now, and where a rejected or withdrawn transfer stopped.
 */
export function StepBar({ steps }: { steps: readonly Step[] }) {
  return (
    <View className="card step-bar">
      {steps.map((step, index) => (
        <View key={step.label} className={`step step--${step.status}`}>
          <View className="step-rail">
            <Text className="step-mark">{MARK[step.status] || String(index + 1)}</Text>
            {index < steps.length - 1 ? <View className="step-line" /> : null}
          </View>
          <Text className="step-label">{step.label}</Text>
          <Text className="step-status">
            {step.status === 'done' && step.doneText ? step.doneText : STATUS_TEXT[step.status]}
          </Text>
        </View>
      ))}
    </View>
  );
}
