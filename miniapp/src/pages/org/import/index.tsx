import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { type ImportRowError, ImportRowsError, importRoster } from '../../../api/org';
import { ActionButton } from '../../../components/action-button';
import { PageRoot } from '../../../components/page-root';
import { errorMessage } from '../../../lib/errors';
import { back, queryValue } from '../../../lib/nav';
import { useSession } from '../../../store/session';
import './index.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';
const COLUMNS = '姓名、性别、手机号、身份证号、党员类别（正式党员/预备党员）、入党日期（YYYY-MM-DD）';

/**
 * 导入花名册: an .xlsx (H5: a file input; weapp: a file from a chat). Any bad row imports nothing, and each bad
 * row is listed as 第 N 行 · 列 · 问题.
 */
export default function RosterImportPage() {
  const params = useRouter().params;
  const member = useSession((state) => state.member);
  const orgId = params.orgId ?? member?.orgId ?? '';
  const orgName = queryValue(params.orgName) || member?.orgName || '';
  const [busy, setBusy] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<ImportRowError[]>([]);

  async function send(file: Blob | string, name: string) {
    setBusy(true);
    setFileName(name);
    setImported(null);
    setError(null);
    setRows([]);
    try {
      const answer = await importRoster(orgId, file, name);
      setImported(answer.imported);
    } catch (caught) {
      setError(errorMessage(caught));
      if (caught instanceof ImportRowsError) setRows(caught.rows);
    } finally {
      setBusy(false);
    }
  }

  async function chooseOnWeapp() {
    try {
      const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
      const file = chosen.tempFiles[0];
      if (file) await send(file.path, file.name);
    } catch {
      // cancelled
    }
  }

  return (
    <PageRoot className="roster-import">
      <View className="card">
        <Text className="import-title">导入到 {orgName}</Text>
        <Text className="muted import-hint">
          第一行为表头，列依次为：{COLUMNS}。有任何错误行时一行也不导入，请按提示修改后重新上传。
        </Text>
      </View>
      <View className="actions">
        {IS_H5 ? (
          <View className={`import-picker${busy ? ' import-picker--busy' : ''}`}>
            <Text>{busy ? '正在导入…' : '选择 .xlsx 文件'}</Text>
            <input
              className="import-file"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy}
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                event.currentTarget.value = '';
                if (file) void send(file, file.name);
              }}
            />
          </View>
        ) : (
          <ActionButton busy={busy} onClick={() => void chooseOnWeapp()}>
            从聊天中选择 .xlsx 文件
          </ActionButton>
        )}
      </View>
      {fileName ? <Text className="muted import-file-name">文件：{fileName}</Text> : null}

      {imported !== null ? (
        <View className="card import-ok">
          <Text className="import-ok-text">已导入 {imported} 名党员</Text>
          <View className="actions">
            <ActionButton kind="secondary" onClick={() => back()}>
              返回花名册
            </ActionButton>
          </View>
        </View>
      ) : null}

      {error ? <Text className="form-error">{error}</Text> : null}
      {rows.length > 0 ? (
        <View className="card import-errors">
          <Text className="import-errors-title">共 {rows.length} 处错误</Text>
          {rows.map((row) => (
            <Text key={`${row.row}-${row.column ?? ''}-${row.message}`} className="import-error-row">
              第 {row.row} 行{row.column ? ` · ${row.column}` : ''} · {row.message}
            </Text>
          ))}
        </View>
      ) : null}
    </PageRoot>
  );
}
