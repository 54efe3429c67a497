import type { NightStudySchedule, PutScheduleRequest } from '../../../../../shared/meetings/schedule-schemas';
import { ApiError } from '../../../api/client';

export interface ScheduleForm {
  weekday: number;
  start: string;
  end: string;
  allowInApp: boolean;
  requireCheckout: boolean;
  skipDates: string[];
  version: number;
}

export function formOf(schedule: NightStudySchedule): ScheduleForm {
  return {
    weekday: schedule.weekday,
    start: schedule.start,
    end: schedule.end,
    allowInApp: schedule.allowInApp,
    requireCheckout: schedule.requireCheckout,
    skipDates: [...schedule.skipDates].sort(),
    version: schedule.version,
  };
}

export function requestOf(form: ScheduleForm): PutScheduleRequest {
  return { ...form };
}

/** Where a field's error shows: the form's sections. */
export type ScheduleField = 'weekday' | 'start' | 'end' | 'skipDates' | 'other';

/**
 * The server's validation messages by section (its zod paths: `weekday`, `end`, `skipDates.3` …); a bad skip
 * date names the date. Anything else (a version conflict, the network) is the form's own error.
 */
export function fieldErrors(error: unknown, form: ScheduleForm): Partial<Record<ScheduleField, string>> {
  if (!(error instanceof ApiError) || !error.fields?.length) return {};
  const found: Partial<Record<ScheduleField, string[]>> = {};
  for (const { path, message } of error.fields) {
    const [root, index] = path.split('.');
    const field: ScheduleField =
      root === 'weekday' || root === 'start' || root === 'end' || root === 'skipDates' ? root : 'other';
    const date = root === 'skipDates' && index !== undefined ? form.skipDates[Number(index)] : undefined;
    found[field] = [...(found[field] ?? []), date ? `${date}：${message}` : message];
  }
  return Object.fromEntries(Object.entries(found).map(([field, messages]) => [field, messages!.join('；')]));
}
