/** The 学习内容 form: what the page edits, and the request it becomes (checked with the shared schema). */
import { htmlToMarkup, markupToHtml } from '../../../../../shared/study/markup';
import {
  CreateStudyItemRequest,
  type StudyItem,
  type StudyItemKind,
  type UpdateStudyItemRequest,
} from '../../../../../shared/study/schemas';

export interface ItemForm {
  title: string;
  category: string;
  kind: StudyItemKind;
  videoUrl: string;
  minMinutes: string;
  /** The body as the editor's markup; sent as HTML. */
  markup: string;
  /** Empty: the author's whole organisation (the server's default). */
  orgIds: string[];
}

export type Field = 'title' | 'category' | 'videoUrl' | 'minMinutes' | 'body' | 'orgIds';
const FIELDS: readonly string[] = ['title', 'category', 'videoUrl', 'minMinutes', 'body', 'orgIds'];

export const EMPTY_FORM: ItemForm = {
  title: '',
  category: '',
  kind: 'article',
  videoUrl: '',
  minMinutes: '5',
  markup: '',
  orgIds: [],
};

export function formOf(item: StudyItem, ownOrgId: string): ItemForm {
  const targets = item.targets.map((target) => target.orgId);
  return {
    title: item.title,
    category: item.category,
    kind: item.kind,
    videoUrl: item.videoUrl ?? '',
    minMinutes: String(item.minMinutes),
    markup: item.body ? htmlToMarkup(item.body) : '',
    orgIds: targets.length === 1 && targets[0] === ownOrgId ? [] : targets,
  };
}

export function creationOf(form: ItemForm, published: boolean): CreateStudyItemRequest {
  const body = form.markup.trim() ? markupToHtml(form.markup) : undefined;
  return {
    title: form.title.trim(),
    category: form.category,
    kind: form.kind,
    ...(body ? { body } : {}),
    ...(form.kind === 'video' ? { videoUrl: form.videoUrl.trim() } : {}),
    minMinutes: Number(form.minMinutes.trim() || Number.NaN),
    ...(form.orgIds.length ? { orgIds: form.orgIds } : {}),
    published,
  };
}

/** An edit sends every field (so a video turned article loses its link) and the version it was read at. */
export function patchOf(form: ItemForm, version: number, ownOrgId: string, canChooseTargets: boolean) {
  const { published: _unchanged, ...created } = creationOf(form, true);
  const patch: UpdateStudyItemRequest = {
    ...created,
    body: created.body ?? null,
    videoUrl: created.videoUrl ?? null,
    version,
  };
  if (canChooseTargets) patch.orgIds = form.orgIds.length ? form.orgIds : [ownOrgId];
  else delete patch.orgIds;
  return patch;
}

/** The first problem of each field, in the server's own words. */
export function problemsOf(form: ItemForm): Partial<Record<Field, string>> {
  const parsed = CreateStudyItemRequest.safeParse(creationOf(form, true));
  const problems: Partial<Record<Field, string>> = {};
  if (parsed.success) return problems;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (FIELDS.includes(field) && !problems[field as Field]) problems[field as Field] = issue.message;
  }
  if (!form.category) problems.category = '请选择栏目';
  return problems;
}
