import { Text, Textarea, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { NOTICE_BODY_MAX } from '../../../../../shared/notices/body';
import { CreateNoticeRequest, NOTICE_KIND_LABELS, type NoticeKind } from '../../../../../shared/notices/schemas';
import { newIdempotencyKey } from '../../../api/client';
import { noticesApi } from '../../../api/notices';
import { ActionButton } from '../../../components/action-button';
import { Choices } from '../../../components/choices';
import { PageRoot } from '../../../components/page-root';
import { TargetPicker } from '../../../components/target-picker';
import { TextField } from '../../../components/text-field';
import { errorMessage } from '../../../lib/errors';
import { replace } from '../../../lib/nav';
import './index.scss';

type Field = 'title' | 'body';
interface NoticeForm {
  kind: NoticeKind;
  title: string;
  body: string;
  /** Empty: the publisher's whole organisation (the server's default). */
  orgIds: string[];
}

function requestOf({ orgIds, ...rest }: NoticeForm): CreateNoticeRequest {
  return orgIds.length ? { ...rest, orgIds } : rest;
}

/** Checks the form with the shared schema: the same rules and words as the server. */
function problemsOf(form: NoticeForm): Partial<Record<Field, string>> {
  const parsed = CreateNoticeRequest.safeParse(requestOf(form));
  if (parsed.success) return {};
  const problems: Partial<Record<Field, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'title' || field === 'body') && !problems[field]) problems[field] = issue.message;
  }
  return problems;
}

/** 发布通知: 党建新闻 or 信息发布 to the publisher's organisation (and below it), or to the orgs they choose. */
export default function NoticePublishPage() {
  const [form, setForm] = useState<NoticeForm>({ kind: 'notice', title: '', body: '', orgIds: [] });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per filled-in form: a retry after a lost answer cannot publish twice.
  const key = useRef(newIdempotencyKey());

  function update(patch: Partial<typeof form>) {
    const next = { ...form, ...patch };
    setForm(next);
    if (checked) setProblems(problemsOf(next));
  }

  async function publish() {
    if (busy) return;
    const found = problemsOf(form);
    setChecked(true);
    setProblems(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setError(null);
    try {
      const { notice } = await noticesApi.publish(requestOf(form), key.current);
      replace('noticeDetail', { id: notice.id });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <PageRoot className="notice-publish">
      <View className="field">
        <Text className="field-label">类型</Text>
        <Choices
          options={(['notice', 'news'] as const).map((kind) => [kind, NOTICE_KIND_LABELS[kind]] as const)}
          selected={[form.kind]}
          onTap={(kind) => update({ kind })}
        />
      </View>
      <TargetPicker value={form.orgIds} onChange={(orgIds) => update({ orgIds })} />
      <TextField
        label="标题"
        value={form.title}
        maxLength={60}
        placeholder="如：关于开展12月主题党日活动的通知"
        error={problems.title}
        onInput={(title) => update({ title })}
      />
      <View className={`notice-publish-body${problems.body ? ' field--bad' : ''}`}>
        <Textarea
          className="notice-publish-textarea"
          value={form.body}
          maxlength={NOTICE_BODY_MAX}
          placeholder="正文（纯文本）"
          onInput={(event) => update({ body: event.detail.value })}
        />
      </View>
      {problems.body ? <Text className="field-error">{problems.body}</Text> : null}
      {error ? <Text className="form-error">{error}</Text> : null}
      <View className="actions">
        <ActionButton busy={busy} onClick={() => void publish()}>
          发布
        </ActionButton>
      </View>
      <Text className="muted notice-publish-note">
        发布后，范围内的党员会收到一条消息提醒；可在详情页查看阅读情况并提醒未读。
      </Text>
    </PageRoot>
  );
}
