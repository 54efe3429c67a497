import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../../api/client';
import { studyAdminApi, studyApi } from '../../../api/study';
import { ActionButton } from '../../../components/action-button';
import { Choices } from '../../../components/choices';
import { PageRoot } from '../../../components/page-root';
import { ErrorBlock, StatusView } from '../../../components/status-view';
import { TargetPicker } from '../../../components/target-picker';
import { TextField } from '../../../components/text-field';
import { errorMessage } from '../../../lib/errors';
import { back, queryValue } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { hasAnyRole, useSession } from '../../../store/session';
import { BodyEditor } from './body-editor';
import { creationOf, EMPTY_FORM, type Field, formOf, type ItemForm, patchOf, problemsOf } from './form';
import './index.scss';

const KINDS = [
  ['article', '图文'],
  ['video', '视频'],
] as const;

/** 新建 / 编辑学习内容: title, 栏目, 图文 or 视频, minimum time, body, 发布范围; publish, keep as a draft, or save. */
export default function StudyEditPage() {
  const id = queryValue(useRouter().params.id) || undefined;
  const member = useSession((state) => state.member);
  const ownOrgId = member?.orgId ?? '';
  const canChooseTargets = hasAnyRole(member, ['committee']);
  const categories = useRemote(studyApi.categories);
  const existing = useRemote(() => (id ? studyApi.get(id) : Promise.resolve(null)));
  const [form, setForm] = useState<ItemForm>(EMPTY_FORM);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'publish' | 'draft' | null>(null);
  const key = useRef(newIdempotencyKey());
  const item = existing.data?.item;

  // biome-ignore lint/correctness/useExhaustiveDependencies: fill the form once, when the item arrives
  useEffect(() => {
    if (item) setForm(formOf(item, ownOrgId));
  }, [item?.id]);

  function update(patch: Partial<ItemForm>) {
    const next = { ...form, ...patch };
    setForm(next);
    if (!checked) return;
    const found = problemsOf(next);
    setProblems(found);
    if (!Object.keys(found).length) setError(null);
  }

  async function save(published: boolean) {
    if (busy) return;
    const found = problemsOf(form);
    setChecked(true);
    setProblems(found);
    if (Object.keys(found).length) {
      setError('请按提示修改后再保存');
      return;
    }
    setBusy(published ? 'publish' : 'draft');
    setError(null);
    try {
      if (item) await studyAdminApi.update(item.id, patchOf(form, item.version, ownOrgId, canChooseTargets));
      else await studyAdminApi.create(creationOf(form, published), key.current);
      void Taro.showToast({ title: item ? '已保存' : published ? '已发布' : '已存为草稿', icon: 'success' });
      back('studyManage');
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  if (existing.data && !existing.data.canManage) {
    return (
      <PageRoot className="study-edit">
        <ErrorBlock
          message="这条学习内容由上级组织发布，只能由发布它的组织修改"
          failure="leave"
          onRetry={() => undefined}
        />
      </PageRoot>
    );
  }
  return (
    <PageRoot className="study-edit">
      <StatusView
        loading={categories.loading || existing.loading}
        error={categories.error ?? existing.error}
        failure={categories.failure ?? existing.failure}
        hasData={!!categories.data && (!id || !!item)}
        onRetry={() => void Promise.all([categories.reload(), existing.reload()])}
      >
        {item ? (
          <Text className="muted study-edit-state">
            {item.published ? '已发布' : item.publishedAt ? '已下架' : '草稿'} ·
            保存后党员看到的是新内容，已有学习记录保留
          </Text>
        ) : null}
        <TextField
          label="标题"
          value={form.title}
          maxLength={80}
          placeholder="如：学习党的二十届四中全会精神"
          error={problems.title}
          onInput={(title) => update({ title })}
        />
        <View className={`field study-edit-choices${problems.category ? ' field--bad' : ''}`}>
          <Text className="field-label">栏目</Text>
          <Choices
            options={(categories.data?.categories ?? []).map((category) => [category.code, category.name] as const)}
            selected={[form.category]}
            onTap={(category) => update({ category })}
          />
        </View>
        {problems.category ? <Text className="field-error">{problems.category}</Text> : null}
        <View className="field study-edit-choices">
          <Text className="field-label">类型</Text>
          <Choices options={KINDS} selected={[form.kind]} onTap={(kind) => update({ kind })} />
        </View>
        {form.kind === 'video' ? (
          <TextField
            label="视频链接"
            value={form.videoUrl}
            placeholder="https://…"
            error={problems.videoUrl}
            onInput={(videoUrl) => update({ videoUrl })}
          />
        ) : null}
        <TextField
          label="最低时长"
          type="number"
          value={form.minMinutes}
          maxLength={3}
          placeholder="1–120 分钟"
          error={problems.minMinutes}
          onInput={(minMinutes) => update({ minMinutes })}
        />
        <TargetPicker value={form.orgIds} onChange={(orgIds) => update({ orgIds })} />
        {problems.orgIds ? <Text className="field-error">{problems.orgIds}</Text> : null}
        <BodyEditor
          value={form.markup}
          error={problems.body}
          placeholder={form.kind === 'video' ? '视频简介（可不填）' : '正文'}
          onChange={(markup) => update({ markup })}
        />
        {error ? <Text className="form-error">{error}</Text> : null}
        <View className="actions">
          <ActionButton busy={busy === 'publish'} onClick={() => void save(true)}>
            {item ? '保存' : '发布'}
          </ActionButton>
          {item ? null : (
            <ActionButton kind="plain" busy={busy === 'draft'} onClick={() => void save(false)}>
              存为草稿
            </ActionButton>
          )}
        </View>
        <Text className="muted study-edit-note">最低学习时长只用于确认学习真实完成；学习自愿，时长不作考核依据。</Text>
      </StatusView>
    </PageRoot>
  );
}
