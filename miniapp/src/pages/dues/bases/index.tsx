import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { BASE_DECIDERS } from '../../../../../shared/dues/access';
import type { DuesBase } from '../../../../../shared/dues/schemas';
import { formatShanghai } from '../../../../../shared/time';
import { duesAdminApi } from '../../../api/dues-admin';
import { visibleBranches } from '../../../api/org';
import { PagedView } from '../../../components/load-more';
import { errorCode, errorMessage } from '../../../lib/errors';
import { go } from '../../../lib/nav';
import { usePagedScreen } from '../../../lib/use-paged-list';
import { hasAnyRole, useSession } from '../../../store/session';
import { CATEGORY_NAMES, monthText } from '../components/labels';
import '../components/dues.scss';
import { PageRoot } from '../../../components/page-root';
import './index.scss';

/**
 * 基数审核: the declarations waiting in the branch, newest first, each approved or rejected once with an optional
 * comment. Reductions and exemptions are the committee's to decide (§6): the branch sees them marked 待党委审批
 * without buttons; a committee's list is its whole subtree's, branch by branch.
 */
export default function DuesBasesPage() {
  const member = useSession((state) => state.member);
  const orgId = member?.orgId ?? '';
  const committee = hasAnyRole(member, ['committee']);
  // A committee's list is its whole subtree's (reductions and exemptions above all): cards name their branch.
  const branches = useRef<Map<string, string> | null>(null);
  const list = usePagedScreen(async (cursor) => {
    if (committee && (!branches.current || !cursor)) {
      branches.current = new Map((await visibleBranches()).map((branch) => [branch.id, branch.name]));
    }
    const page = await duesAdminApi.pendingBases(orgId, cursor);
    return { items: page.bases, nextCursor: page.nextCursor };
  });
  const [notice, setNotice] = useState<string | null>(null);

  function decided(message?: string) {
    setNotice(message ?? null);
    void list.load(true);
  }

  return (
    <PageRoot className="dues-bases" roles={BASE_DECIDERS}>
      {notice ? <Text className="form-error">{notice}（已刷新列表）</Text> : null}
      <PagedView list={list} empty="没有待审核的基数申报">
        {(items) =>
          items.map((base) => (
            <BaseCard
              key={base.id}
              base={base}
              branch={committee ? branches.current?.get(base.orgId) : undefined}
              canDecide={!base.needsCommittee || committee}
              onDecided={decided}
            />
          ))
        }
      </PagedView>
    </PageRoot>
  );
}

function BaseCard({
  base,
  branch,
  canDecide,
  onDecided,
}: {
  base: DuesBase;
  branch?: string | undefined;
  canDecide: boolean;
  onDecided(notice?: string): void;
}) {
  const byOther = base.declaredBy.id !== base.memberId;
  return (
    <View className="card base-card">
      <View className="base-card-head">
        <Text
          className="base-card-name"
          onClick={() => go('myDues', { memberId: base.memberId, name: base.memberName })}
        >
          {base.memberName} ›
        </Text>
        <Text className={base.needsCommittee ? 'tag' : 'tag tag--warn'}>
          {base.needsCommittee ? '待党委审批' : '待审核'}
        </Text>
      </View>
      {branch ? <Text className="muted base-card-branch">{branch}</Text> : null}
      <View className="dues-line">
        <Text className="dues-line-label">类别</Text>
        <Text className="dues-line-value">
          {CATEGORY_NAMES[base.category]} · {base.year}年度
        </Text>
      </View>
      {base.monthlyBase ? (
        <View className="dues-line">
          <Text className="dues-line-label">{base.category === 'retired' ? '基本养老金' : '月基数'}</Text>
          <Text className="dues-line-value">{base.monthlyBase} 元</Text>
        </View>
      ) : null}
      <View className="dues-line">
        <Text className="dues-line-label">每月应交</Text>
        <Text className="dues-line-value base-card-amount">{base.computation.text}</Text>
      </View>
      <View className="dues-line">
        <Text className="dues-line-label">起算</Text>
        <Text className="dues-line-value">{monthText(base.fromMonth)}起</Text>
      </View>
      {base.note ? <Text className="base-card-note">说明：{base.note}</Text> : null}
      <Text className="muted base-card-meta">
        {byOther ? `${base.declaredBy.name} 代为申报` : '本人申报'} · {formatShanghai(base.declaredAt)}
      </Text>
      {canDecide ? (
        <Decision baseId={base.id} onDecided={onDecided} />
      ) : (
        <Text className="muted base-card-meta">减交、免交须由上级党委审批</Text>
      )}
    </View>
  );
}

/** 通过 / 不通过 with an optional comment (意见); decided once — a second decision is refused (409). */
function Decision({ baseId, onDecided }: { baseId: string; onDecided(notice?: string): void }) {
  const [comment, setComment] = useState('');
  const [commenting, setCommenting] = useState(false);
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function decide(approve: boolean) {
    if (busy) return;
    setBusy(approve ? 'approve' : 'reject');
    setError(null);
    try {
      await duesAdminApi.decideBase(baseId, approve, comment.trim() || undefined);
      void Taro.showToast({ title: approve ? '已通过' : '已退回', icon: 'success' });
      onDecided();
    } catch (caught) {
      if (errorCode(caught) === 'DUES_BASE_ALREADY_DECIDED') onDecided(errorMessage(caught));
      else setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <View className="base-decision">
      {commenting ? (
        <View className="dues-textarea-box">
          <Textarea
            className="dues-textarea"
            value={comment}
            maxlength={200}
            autoHeight
            placeholder="审核意见（可选），不通过时请写明原因"
            onInput={(event) => setComment(event.detail.value)}
          />
        </View>
      ) : (
        <View className="base-decision-add" onClick={() => setCommenting(true)}>
          + 填写意见（可选）
        </View>
      )}
      <View className="dues-buttons">
        <View
          className={`dues-button dues-button--plain${busy ? ' dues-button--busy' : ''}`}
          onClick={() => void decide(false)}
        >
          {busy === 'reject' ? '提交中…' : '不通过'}
        </View>
        <View
          className={`dues-button dues-button--main${busy ? ' dues-button--busy' : ''}`}
          onClick={() => void decide(true)}
        >
          {busy === 'approve' ? '提交中…' : '通过'}
        </View>
      </View>
      {error ? <Text className="form-error base-decision-error">{error}</Text> : null}
    </View>
  );
}
