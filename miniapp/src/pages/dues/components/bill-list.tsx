import { Text, View } from '@tarojs/components';
import type { Bill } from '../../../../../shared/dues/schemas';
import { monthText, yuan } from './labels';
import './dues.scss';

/**
 * Unpaid months as a checklist: the whole row (56 px) toggles, a box on the left says whether it is ticked.
 * A bill that cannot be chosen here (older than 6 months: the 组织委员 handles it) is shown greyed with `lockedNote`.
 */
export function BillChecklist(props: {
  bills: readonly Bill[];
  selected: ReadonlySet<string>;
  /** Whether a bill may be ticked; default: all. */
  canPick?(bill: Bill): boolean;
  lockedNote?: string;
  onToggle(bill: Bill): void;
}) {
  return (
    <View className="bill-list">
      {props.bills.map((bill) => {
        const open = props.canPick ? props.canPick(bill) : true;
        const on = open && props.selected.has(bill.id);
        return (
          <View
            key={bill.id}
            className={`bill-row${on ? ' bill-row--on' : ''}${open ? '' : ' bill-row--locked'}`}
            role="checkbox"
            aria-checked={on}
            onClick={() => (open ? props.onToggle(bill) : undefined)}
          >
            <Text className="bill-box">{on ? '✓' : ''}</Text>
            <View className="bill-main">
              <Text className="bill-month">{monthText(bill.month)}</Text>
              {!open && props.lockedNote ? <Text className="bill-note">{props.lockedNote}</Text> : null}
            </View>
            <Text className="bill-amount">{yuan(bill.amountFen)}</Text>
          </View>
        );
      })}
    </View>
  );
}

/** 0 … max with − and + (44 px targets): how many months to prepay. */
export function CountStepper(props: { value: number; max: number; unit: string; onChange(value: number): void }) {
  const { value, max } = props;
  return (
    <View className="count-stepper">
      <View
        className={`count-stepper-step${value > 0 ? '' : ' count-stepper-step--off'}`}
        aria-label="减少"
        onClick={() => (value > 0 ? props.onChange(value - 1) : undefined)}
      >
        −
      </View>
      <Text className="count-stepper-value">
        {value} {props.unit}
      </Text>
      <View
        className={`count-stepper-step${value < max ? '' : ' count-stepper-step--off'}`}
        aria-label="增加"
        onClick={() => (value < max ? props.onChange(value + 1) : undefined)}
      >
        +
      </View>
    </View>
  );
}
