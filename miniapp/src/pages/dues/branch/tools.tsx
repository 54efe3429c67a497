import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { duesAdminApi, exportDuesBlob, exportDuesFile } from '../../../api/dues-admin';
import { Choices } from '../../../components/choices';
import { YearExport } from '../../../components/year-export';
import { errorMessage } from '../../../lib/errors';
import { useRemote } from '../../../lib/use-remote';
import { monthText } from '../components/labels';

type Generated = Awaited<ReturnType<typeof duesAdminApi.generateBills>>;

const SKIP_REASONS: Record<string, string> = {
  no_base: '未核定基数',
  exempt: '免交',
  not_yet_admitted: '尚未入党',
};

/** 生成账单 for the month on screen: idempotent, so it says how many were new and who was left out and why. */
export function GenerateBills({ orgId, month, onDone }: { orgId: string; month: string; onDone(): void }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Generated | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await duesAdminApi.generateBills(orgId, month));
      onDone();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  const shown = result?.month === month ? result : null;
  return (
    <View className="card branch-tool">
      <View className="branch-tool-button" onClick={() => void run()}>
        {busy ? '正在生成…' : `生成${monthText(month)}账单`}
      </View>
      {shown ? (
        <View className="branch-bills-result">
          <Text className="branch-bills-line">
            新生成 {shown.created} 张，已有 {shown.existing} 张
            {shown.skipped.length ? `，未生成 ${shown.skipped.length} 人` : ''}
          </Text>
          {shown.skipped.map((skip) => (
            <Text key={skip.memberId} className="muted branch-bills-skip">
              {skip.name}：{SKIP_REASONS[skip.reason] ?? skip.reason}
            </Text>
          ))}
        </View>
      ) : (
        <Text className="muted branch-tool-note">每人每月一张账单，重复生成不会多出账单。</Text>
      )}
      {error ? <Text className="form-error branch-tool-error">{error}</Text> : null}
    </View>
  );
}

const PREPAY_OPTIONS = [0, 1, 2, 3, 4, 5, 6].map((n) => [String(n), n === 0 ? '不允许' : `${n}个月`] as const);

/** 预缴设置: how many future months a member may prepay (0–6); read-only for those who may not change it. */
export function PrepaySettings({ orgId, editable }: { orgId: string; editable: boolean }) {
  const settings = useRemote(() => duesAdminApi.settings(orgId));
  const [chosen, setChosen] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const saved = settings.data?.settings;
  const value = chosen ?? saved?.prepayMonths ?? 0;

  async function save() {
    if (busy || !saved) return;
    setBusy(true);
    setError(null);
    try {
      await duesAdminApi.saveSettings(orgId, value, saved.version);
      setChosen(null);
      await settings.reload();
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (caught) {
      setError(errorMessage(caught));
      void settings.reload();
    } finally {
      setBusy(false);
    }
  }

  if (!saved) {
    return (
      <View className="card branch-tool">
        <Text className="muted">{settings.error ? `预缴设置加载失败：${settings.error}` : '正在加载预缴设置…'}</Text>
        {settings.error ? (
          <Text className="dues-link branch-tool-retry" onClick={() => void settings.reload()}>
            重试
          </Text>
        ) : null}
      </View>
    );
  }
  return (
    <View className="card branch-tool">
      <Text className="branch-tool-title">党员在线预缴以后月份</Text>
      {editable ? (
        <>
          <Choices options={PREPAY_OPTIONS} selected={[String(value)]} onTap={(v) => setChosen(Number(v))} />
          {chosen !== null && chosen !== saved.prepayMonths ? (
            <View className="branch-tool-button" onClick={() => void save()}>
              {busy ? '正在保存…' : '保存设置'}
            </View>
          ) : null}
        </>
      ) : (
        <Text className="branch-tool-value">{value === 0 ? '不允许预缴' : `最多预缴 ${value} 个月`}</Text>
      )}
      <Text className="muted branch-tool-note">按月交纳为常规；经支部同意可预缴，最多 6 个月。</Text>
      {error ? <Text className="form-error branch-tool-error">{error}</Text> : null}
    </View>
  );
}

/** 导出对账表 (xlsx) of a year: every bill a row, totals equal to the figures here. */
export function ExportWorkbook({ orgId, orgName }: { orgId: string; orgName: string }) {
  return (
    <YearExport
      workbook={{
        blob: (year) => exportDuesBlob(orgId, year),
        file: (year) => exportDuesFile(orgId, year),
        fileName: (year) => `${orgName}${year}年党费对账表.xlsx`,
      }}
      buttonText={(year) => `导出 ${year} 年对账表`}
      note="Excel 表格：每张账单一行，合计与本页统计一致。"
    />
  );
}
