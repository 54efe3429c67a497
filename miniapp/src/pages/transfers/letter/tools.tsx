import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { downloadedFile, fileBlob, letterPdfUrl } from '../../../api/transfers';
import { ActionButton } from '../../../components/action-button';
import { errorMessage } from '../../../lib/errors';

const IS_H5 = process.env.TARO_ENV === 'h5';

/** H5: the PDF fetched with the token and opened (or saved when the browser will not open it). */
async function openPdfH5(url: string, fileName: string) {
  const href = URL.createObjectURL(await fileBlob(url));
  const opened = window.open(href, '_blank');
  if (!opened) {
    const link = document.createElement('a');
    link.href = href;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** 打印 (H5: the browser's print, the page's print styles keep only the letter) and 下载PDF. */
export function LetterTools({ transferId, number }: { transferId: string; number: string }) {
  const [busy, setBusy] = useState(false);

  async function pdf() {
    if (busy) return;
    setBusy(true);
    try {
      const url = letterPdfUrl(transferId);
      if (IS_H5) await openPdfH5(url, `组织关系介绍信${number}.pdf`);
      else await Taro.openDocument({ filePath: await downloadedFile(url), fileType: 'pdf', showMenu: true });
    } catch (caught) {
      void Taro.showToast({ title: errorMessage(caught), icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="actions letter-tools">
      {IS_H5 ? <ActionButton onClick={() => window.print()}>打印</ActionButton> : null}
      <ActionButton kind={IS_H5 ? 'secondary' : 'primary'} busy={busy} onClick={() => void pdf()}>
        下载PDF
      </ActionButton>
    </View>
  );
}
