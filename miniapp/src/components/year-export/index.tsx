import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { shanghaiMonth } from '../../../../shared/time';
import { errorMessage } from '../../lib/errors';
import { ActionButton } from '../action-button';
import './index.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';

export interface YearWorkbook {
  /** H5: the workbook's bytes (it downloads). */
  blob(year: number): Promise<Blob>;
  /** weapp: the downloaded file's path (it opens in WeChat's viewer, from where it can be forwarded). */
  file(year: number): Promise<string>;
  fileName(year: number): string;
}

async function saveWorkbook(workbook: YearWorkbook, year: number) {
  if (IS_H5) {
    const href = URL.createObjectURL(await workbook.blob(year));
    const link = document.createElement('a');
    link.href = href;
    link.download = workbook.fileName(year);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  } else {
    await Taro.openDocument({ filePath: await workbook.file(year), fileType: 'xlsx', showMenu: true });
  }
}

interface YearExportProps {
  readonly workbook: YearWorkbook;
  readonly buttonText: (year: number) => string;
  /** What the workbook holds, in one line. */
  readonly note: string;
  readonly className?: string;
}

/** A year's workbook (党费对账表, 转接台账): this year or the two before, one tap to export. */
export function YearExport({ workbook, buttonText, note, className }: YearExportProps) {
  const thisYear = Number(shanghaiMonth(Date.now()).slice(0, 4));
  const years = [thisYear, thisYear - 1, thisYear - 2];
  const [year, setYear] = useState(thisYear);
  const [busy, setBusy] = useState(false);

  async function run() {
    if (busy) return;
    setBusy(true);
    try {
      await saveWorkbook(workbook, year);
    } catch (caught) {
      void Taro.showToast({ title: errorMessage(caught), icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className={`card year-export ${className ?? ''}`}>
      <Picker
        mode="selector"
        range={years.map((y) => `${y}年`)}
        value={years.indexOf(year)}
        onChange={(event) => setYear(years[Number(event.detail.value)] ?? thisYear)}
      >
        <View className="year-export-choice">
          <Text className="year-export-label">年度</Text>
          <Text className="year-export-value">{year}年</Text>
          <Text className="year-export-switch">切换 ▾</Text>
        </View>
      </Picker>
      <ActionButton kind="secondary" busy={busy} onClick={() => void run()}>
        {buttonText(year)}
      </ActionButton>
      <Text className="muted year-export-note">{note}</Text>
    </View>
  );
}
