import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { shanghaiMonth } from '../../../../../shared/time';
import { downloadedFile, exportUrl, fileBlob } from '../../../api/transfers';
import { ActionButton } from '../../../components/action-button';
import { errorMessage } from '../../../lib/errors';

const IS_H5 = process.env.TARO_ENV === 'h5';

/** H5: the workbook downloads; weapp: it opens in WeChat's viewer, from where it can be forwarded. */
async function saveWorkbook(orgId: string, year: number, fileName: string) {
  const url = exportUrl(orgId, year);
  if (IS_H5) {
    const href = URL.createObjectURL(await fileBlob(url));
    const link = document.createElement('a');
    link.href = href;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  } else {
    await Taro.openDocument({ filePath: await downloadedFile(url), fileType: 'xlsx', showMenu: true });
  }
}

/** 导出Excel: the year's transfers, one a row, with the monthly 转入 / 转出 / 内部 counts. */
export function ExportTransfers({ orgId, orgName }: { orgId: string; orgName: string }) {
  const thisYear = Number(shanghaiMonth(Date.now()).slice(0, 4));
  const years = [thisYear, thisYear - 1, thisYear - 2];
  const [year, setYear] = useState(thisYear);
  const [busy, setBusy] = useState(false);

  async function run() {
    if (busy) return;
    setBusy(true);
    try {
      await saveWorkbook(orgId, year, `${orgName}${year}年组织关系转接台账.xlsx`);
    } catch (caught) {
      void Taro.showToast({ title: errorMessage(caught), icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="card org-export">
      <Picker
        mode="selector"
        range={years.map((y) => `${y}年`)}
        value={years.indexOf(year)}
        onChange={(event) => setYear(years[Number(event.detail.value)] ?? thisYear)}
      >
        <View className="org-export-choice">
          <Text className="org-export-label">年度</Text>
          <Text className="org-export-value">{year}年</Text>
          <Text className="org-export-switch">切换 ▾</Text>
        </View>
      </Picker>
      <ActionButton kind="secondary" busy={busy} onClick={() => void run()}>
        导出Excel
      </ActionButton>
      <Text className="muted org-export-note">每份转接一行，另附每月转入、转出、内部转接统计。</Text>
    </View>
  );
}
