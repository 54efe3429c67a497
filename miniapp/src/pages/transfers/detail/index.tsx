import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { formatShanghai } from '../../../../../shared/time';
import { transfersApi } from '../../../api/transfers';
import { remoteStatus, StatusView } from '../../../components/status-view';
import { go, queryValue } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { useSession } from '../../../store/session';
import { useOpenedFromMessage } from '../../../store/unread';
import {
  isPendingState,
  KIND_LABELS,
  roleLabel,
  routeText,
  STATE_LABELS,
  stateTag,
  stepsOf,
} from '../components/labels';
import { StepBar } from '../components/step-bar';
import { RouteLine } from '../components/transfer-card';
import { TransferPage } from '../components/transfer-page';
import { ApplicantActions } from './actions';
import { Decision } from './decision';
import { partOf, useCommitteeOver } from './my-part';
import { DuesWarnings, PendingCard } from './standing';
import { Timeline } from './timeline';
import '../components/transfers.scss';
import './index.scss';

/**
 * 转接详情 (?id=, also opened from a message with ?message=): where the transfer stands as a step bar, who must act
 * and by when, the approvers' dues warning, what the caller may do now, and every step taken. A decision that
 * came too late (someone else decided first) is said in words and the transfer is read again.
 */
export default function TransferDetailPage() {
  const params = useRouter().params;
  const id = queryValue(params.id);
  useOpenedFromMessage(params.message ? queryValue(params.message) : undefined);
  const member = useSession((state) => state.member);
  const detail = useRemote(() => transfersApi.get(id), { immediate: false });
  const [notice, setNotice] = useState<string | null>(null);
  const committeeOver = useCommitteeOver(member, detail.data?.pending);
  useDidShow(() => void detail.reload());

  function done(message?: string) {
    setNotice(message ?? null);
    void detail.reload();
  }

  const data = detail.data;
  const part = data ? partOf(member, data, committeeOver) : null;
  const transfer = data?.transfer;
  const route = transfer ? routeText(transfer) : null;
  return (
    <TransferPage className="transfer-detail">
      {notice ? <Text className="transfer-alert">{notice}（已刷新）</Text> : null}
      <StatusView {...remoteStatus(detail)}>
        {data && transfer && route && part ? (
          <>
            <View className="card detail-head">
              <View className="detail-head-top">
                <Text className="detail-name">{transfer.memberName}</Text>
                <Text className={stateTag(transfer.state)}>{STATE_LABELS[transfer.state]}</Text>
              </View>
              <RouteLine from={route.from} to={route.to} className="detail-route" />
              <View className="transfer-line">
                <Text className="transfer-line-label">转接类型</Text>
                <Text className="transfer-line-value">{KIND_LABELS[transfer.kind]}</Text>
              </View>
              {transfer.destination?.contact ? (
                <View className="transfer-line">
                  <Text className="transfer-line-label">接收方联系</Text>
                  <Text className="transfer-line-value">{transfer.destination.contact}</Text>
                </View>
              ) : null}
              <View className="transfer-line">
                <Text className="transfer-line-label">申请人</Text>
                <Text className="transfer-line-value">
                  {transfer.appliedBy.name}（{roleLabel(transfer.appliedBy.role)}）
                </Text>
              </View>
              <View className="transfer-line">
                <Text className="transfer-line-label">申请时间</Text>
                <Text className="transfer-line-value">{formatShanghai(transfer.createdAt, 'YYYY年M月D日 HH:mm')}</Text>
              </View>
              <Text className="detail-reason prose">原因：{transfer.reason}</Text>
            </View>

            {part.decide ? (
              <>
                <DuesWarnings warnings={data.warnings} />
                <Decision transfer={transfer} onDone={done} />
              </>
            ) : null}

            <Text className="section-title">办理进度</Text>
            <StepBar steps={stepsOf(transfer, data.timeline)} />
            {data.pending ? <PendingCard pending={data.pending} nowMs={Date.now()} /> : null}
            {transfer.letter ? (
              <View className="card detail-letter">
                <Text className="detail-card-title">组织关系介绍信</Text>
                <View className="transfer-line">
                  <Text className="transfer-line-label">编号</Text>
                  <Text className="transfer-line-value">{transfer.letter.number}</Text>
                </View>
                <View className="transfer-line">
                  <Text className="transfer-line-label">有效期至</Text>
                  <Text className="transfer-line-value">
                    {formatShanghai(transfer.letter.validUntil, 'YYYY年M月D日')}
                  </Text>
                </View>
              </View>
            ) : null}

            {/* While a step waits, for those who decide it or oversee it; once decided it is history. */}
            {part.decide || !isPendingState(transfer.state) ? null : <DuesWarnings warnings={data.warnings} />}

            <View className="transfer-links detail-links">
              {part.letter ? (
                <Text className="transfer-link" onClick={() => go('transferLetter', { id: transfer.id })}>
                  查看介绍信 ›
                </Text>
              ) : null}
              {part.receipt ? (
                <Text className="transfer-link" onClick={() => go('transferReceipt', { id: transfer.id })}>
                  登记回执 ›
                </Text>
              ) : null}
              {transfer.previousId ? (
                <Text className="transfer-link" onClick={() => go('transferDetail', { id: transfer.previousId! })}>
                  上一次申请 ›
                </Text>
              ) : null}
              {transfer.nextId ? (
                <Text className="transfer-link" onClick={() => go('transferDetail', { id: transfer.nextId! })}>
                  重新提交的申请 ›
                </Text>
              ) : null}
            </View>
            <ApplicantActions
              transfer={transfer}
              canWithdraw={part.withdraw}
              canResubmit={part.resubmit}
              onDone={done}
            />

            <Text className="section-title">办理记录</Text>
            <Timeline entries={data.timeline} />
          </>
        ) : null}
      </StatusView>
    </TransferPage>
  );
}
