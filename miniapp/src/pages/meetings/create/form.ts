import type { MeetingKind } from '../../../../../shared/meetings/kinds';
import type { CreateActivityRequest } from '../../../../../shared/meetings/runner-schemas';
import {
  DEFAULT_QR_SLOT_SECONDS,
  MAX_MATERIAL_ITEMS,
  type QR_SLOT_CHOICES,
} from '../../../../../shared/meetings/schemas';
import { dayjs, toShanghai } from '../../../../../shared/time';

/** A study item chosen as the meeting's material (the title is for the chip). */
export interface MaterialChoice {
  readonly id: string;
  readonly title: string;
}

export interface ActivityForm {
  title: string;
  /** YYYY-MM-DD, Asia/Shanghai */
  date: string;
  /** HH:mm, Asia/Shanghai */
  start: string;
  end: string;
  withPlace: boolean;
  placeName: string;
  lat: number | null;
  lng: number | null;
  radius: string;
  /** How often the QR code changes: 30 s, or 10 s for a large meeting (a forwarded code dies sooner). */
  qrSlotSeconds: QrSlotChoice;
  /** 会议类型 (default 主题党日), 议题, 主持人, 学习材料 (for 补学), 签退 and in-app check-in. */
  kind: MeetingKind;
  topic: string;
  host: string;
  materials: MaterialChoice[];
  requireCheckout: boolean;
  allowInApp: boolean;
}

export type QrSlotChoice = (typeof QR_SLOT_CHOICES)[number];

export const QR_SLOT_OPTIONS: readonly { value: QrSlotChoice; label: string; note: string }[] = [
  { value: 30, label: '30 秒', note: '默认' },
  { value: 10, label: '10 秒', note: '大型会议' },
];

export const DEFAULT_RADIUS_M = 200;

/** Today, from the next half hour, for two hours (capped at 23:59 so start and end share the date). */
export function initialForm(nowMs = Date.now()): ActivityForm {
  const now = toShanghai(nowMs);
  const start = now.minute() < 30 ? now.minute(30) : now.add(1, 'hour').minute(0);
  const end = start.add(2, 'hour');
  const sameDay = end.format('YYYY-MM-DD') === start.format('YYYY-MM-DD');
  return {
    title: '',
    date: start.format('YYYY-MM-DD'),
    start: start.format('HH:mm'),
    end: sameDay ? end.format('HH:mm') : '23:59',
    withPlace: false,
    placeName: '',
    lat: null,
    lng: null,
    radius: String(DEFAULT_RADIUS_M),
    qrSlotSeconds: DEFAULT_QR_SLOT_SECONDS,
    kind: 'theme_day',
    topic: '',
    host: '',
    materials: [],
    requireCheckout: false,
    allowInApp: false,
  };
}

/** Asia/Shanghai wall clock → ISO-8601 with the +08:00 offset (the server stores UTC). */
export function shanghaiIso(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/** What the meeting is about, beyond the title: only what was filled in (the defaults keep today's behaviour). */
function meetingFields(form: ActivityForm): Partial<CreateActivityRequest> | string {
  const topic = form.topic.trim();
  const host = form.host.trim();
  if ([...topic].length > 200) return '议题最多 200 个字';
  if ([...host].length > 20) return '主持人姓名最多 20 个字';
  if (form.materials.length > MAX_MATERIAL_ITEMS) return `学习材料最多 ${MAX_MATERIAL_ITEMS} 项`;
  return {
    kind: form.kind,
    ...(topic ? { topic } : {}),
    ...(host ? { host } : {}),
    ...(form.materials.length ? { materialItemIds: form.materials.map((m) => m.id) } : {}),
    ...(form.requireCheckout ? { requireCheckout: true } : {}),
    ...(form.allowInApp ? { allowInApp: true } : {}),
  };
}

/** The request, or the first thing a person must fix (Chinese). */
export function toRequest(form: ActivityForm, orgId: string): CreateActivityRequest | string {
  const title = form.title.trim();
  if (!title) return '请填写会议主题';
  if (title.length > 60) return '主题最多 60 个字';
  const startAt = shanghaiIso(form.date, form.start);
  const endAt = shanghaiIso(form.date, form.end);
  if (!dayjs(endAt).isAfter(dayjs(startAt))) return '结束时间须晚于开始时间';
  const extra = meetingFields(form);
  if (typeof extra === 'string') return extra;
  const { qrSlotSeconds } = form;
  if (!form.withPlace) return { orgId, title, startAt, endAt, qrSlotSeconds, ...extra };
  const name = form.placeName.trim();
  if (!name) return '请填写签到地点名称';
  if (form.lat === null || form.lng === null) return '请获取签到地点坐标：使用当前位置、输入坐标或选用最近用过的地点';
  const radiusM = Number(form.radius);
  if (!Number.isInteger(radiusM) || radiusM < 20 || radiusM > 5000) return '签到范围应为 20–5000 米的整数';
  return {
    orgId,
    title,
    startAt,
    endAt,
    qrSlotSeconds,
    ...extra,
    place: { name, lat: form.lat, lng: form.lng, radiusM },
  };
}
