import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { exportMeetingsBlob, exportMeetingsFile, type MeetingExport } from '../../../api/meeting-admin';
import { errorMessage } from '../../../lib/errors';
import { exportMonths, labelOf } from './period';

const IS_H5 = process.env.TARO_ENV === 'h5';

/** H5: the workbook downloads; weapp: it opens in WeChat's viewer, from where it can be forwarded. */
async function saveWorkbook(orgId: string, what: MeetingExport, fileName: string) {
  if (IS_H5) {
    const url = URL.createObjectURL(await exportMeetingsBlob(orgId, what));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } else {
    const filePath = await exportMeetingsFile(orgId, what);
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
  }
}

const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/**
 * 导出 Excel: one branch's 考勤 of a month of the period (committee staff choose the branch), and the 落实率
 * table of the period (a committee's: one row per branch).
 */
export function Exports(props: {
  orgId: string;
  orgName: string;
  period: string;
  branches: readonly { orgId: string; name: string }[] | undefined;
}) {
  const months = exportMonths(props.period);
  const [monthIndex, setMonthIndex] = useState(-1);
  const month = months[monthIndex >= 0 && monthIndex < months.length ? monthIndex : months.length - 1] ?? '';
  const choices = props.branches ?? [{ orgId: props.orgId, name: props.orgName }];
  const [branchIndex, setBranchIndex] = useState(0);
  const branch = choices[Math.min(branchIndex, choices.length - 1)];
  const [busy, setBusy] = useState<'attendance' | 'stats' | null>(null);

  async function run(kind: 'attendance' | 'stats') {
    if (busy) return;
    setBusy(kind);
    try {
      if (kind === 'attendance' && branch) {
        await saveWorkbook(branch.orgId, { kind, month }, `${branch.name}${month}考勤.xlsx`);
      } else {
        await saveWorkbook(
          props.orgId,
          { kind: 'stats', period: props.period },
          `${props.orgName}${props.period}落实率.xlsx`,
        );
      }
    } catch (caught) {
      void Taro.showToast({ title: errorMessage(caught), icon: 'none' });
    } finally {
      setBusy(null);
    }
  }

  return (
    <View className="card stats-exports">
      <Text className="stats-exports-title">考勤明细（每人一行，每次会议一列）</Text>
      {props.branches ? (
        <Picker
          mode="selector"
          range={choices.map((c) => c.name)}
          value={branchIndex}
          onChange={(e) => setBranchIndex(Number(e.detail.value))}
        >
          <View className="stats-export-choice">
            <Text className="stats-export-label">支部</Text>
            <Text className="stats-export-value">{branch?.name ?? '请选择支部'}</Text>
            <Text className="stats-export-switch">切换 ▾</Text>
          </View>
        </Picker>
      ) : null}
      {months.length > 1 ? (
        <Picker
          mode="selector"
          range={months.map(monthText)}
          value={months.indexOf(month)}
          onChange={(e) => setMonthIndex(Number(e.detail.value))}
        >
          <View className="stats-export-choice">
            <Text className="stats-export-label">月份</Text>
            <Text className="stats-export-value">{monthText(month)}</Text>
            <Text className="stats-export-switch">切换 ▾</Text>
          </View>
        </Picker>
      ) : null}
      <View className="stats-export-button" onClick={() => void run('attendance')}>
        {busy === 'attendance' ? '正在导出…' : `导出 ${monthText(month)} 考勤 Excel`}
      </View>
      <Text className="stats-exports-title stats-exports-title--second">三会一课落实率（{labelOf(props.period)}）</Text>
      <View className="stats-export-button" onClick={() => void run('stats')}>
        {busy === 'stats' ? '正在导出…' : '导出落实率 Excel'}
      </View>
    </View>
  );
}
