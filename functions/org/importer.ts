/**
 * Roster import: all rows or none. Every row is checked (fields, duplicates in the file, ID numbers already
 * on a roster) before anything is written; the members are then written in transactions that each hold whole
 * members and ONE memberCount change for the chunk. Should a later chunk still fail (someone registered the
 * same ID number meanwhile), the chunks already written are removed again, so the roster is as it was.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DomainError } from '../../shared/errors';
import { type RosterCheck, type RosterProblem, type RosterRowInput, rosterCheck } from '../../shared/org/roster-rows';
import { cancellationReasons } from '../commons/dynamo';
import { readRosterWorkbook } from './roster-xlsx';
import { newMemberRecord } from './service';
import type { MemberRecord, OrgRecord, TransactItem } from './store';
import * as store from './store';

/** Members per transaction: 2 items each, plus the org's count. */
export const MEMBERS_PER_TRANSACTION = Math.floor((store.MAX_TRANSACT_ITEMS - 1) / 2);

export interface Pending {
  readonly row: number;
  readonly member: MemberRecord;
}

function invalidRows(problems: readonly RosterProblem[]): DomainError {
  const rows = new Set(problems.map((p) => p.row)).size;
  return new DomainError('IMPORT_INVALID_ROWS', {
    message: `花名册有 ${rows} 行存在 ${problems.length} 处错误，未导入任何数据，请修改后重新上传`,
    details: { rows: problems },
  });
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** The transaction items for one chunk: [member, ID claim] per member, then the chunk's count. */
export function chunkItems(orgId: string, members: readonly MemberRecord[]): TransactItem[] {
  const active = members.filter((m) => m.status === 'active').length;
  return [...members.flatMap((m) => store.memberInsertItems(m)), store.countChange(orgId, active)];
}

async function rollBack(orgId: string, written: readonly MemberRecord[][]): Promise<void> {
  for (const members of written) {
    const active = members.filter((m) => m.status === 'active').length;
    try {
      await store.transact([...members.flatMap((m) => store.memberRemovalItems(m)), store.countChange(orgId, -active)]);
    } catch (error) {
      console.error(
        JSON.stringify({
          level: 'error',
          msg: 'roster import rollback failed',
          orgId,
          members: members.map((m) => m.id),
          error: String(error),
        }),
      );
    }
  }
}

/** Why a chunk's transaction was cancelled, as rows to show, or null when it was not the data's fault. */
function rowsOfFailure(error: unknown, pending: readonly Pending[]): RosterProblem[] | null {
  const reasons = cancellationReasons(error);
  if (!reasons) return null;
  const problems: RosterProblem[] = [];
  reasons.forEach((reason, index) => {
    const item = pending[Math.floor(index / 2)];
    if (reason === 'ConditionalCheckFailed' && index % 2 === 1 && item) {
      problems.push({ row: item.row, column: '身份证号', message: '该身份证号已登记在册' });
    }
  });
  return problems.length > 0 ? problems : null;
}

/** Writes checked members in chunks; if a chunk fails, removes the chunks already written and says why. */
export async function writeMembers(org: OrgRecord, pending: readonly Pending[]): Promise<void> {
  const written: MemberRecord[][] = [];
  for (const part of chunk(pending, MEMBERS_PER_TRANSACTION)) {
    const members = part.map((p) => p.member);
    try {
      await store.transact(chunkItems(org.id, members));
    } catch (error) {
      await rollBack(org.id, written);
      const problems = rowsOfFailure(error, part);
      if (problems) throw invalidRows(problems);
      if (cancellationReasons(error)?.at(-1) === 'ConditionalCheckFailed') throw new DomainError('ORG_NOT_FOUND');
      throw error;
    }
    written.push(members);
  }
}

/**
 * How long validation may hold the event loop before other requests get their turn. A row costs ~0.3–1 ms
 * (zod, and Asia/Shanghai "today" for every 入党日期): 5000 rows in one go would stall the API for seconds.
 */
export const CHECK_TURN_MS = 50;
const ROWS_PER_STEP = 20;

/** checkRoster a few rows at a time, yielding to other requests every CHECK_TURN_MS. */
export async function checkRosterInSlices(
  rows: readonly RosterRowInput[],
  taken?: ReadonlySet<string>,
): Promise<RosterCheck> {
  const check = rosterCheck(taken);
  let turnStarted = performance.now();
  for (let i = 0; i < rows.length; i += ROWS_PER_STEP) {
    check.add(rows.slice(i, i + ROWS_PER_STEP));
    if (performance.now() - turnStarted > CHECK_TURN_MS) {
      await nextTurn();
      turnStarted = performance.now();
    }
  }
  return check.result();
}

/** Reads, checks and (only if every row is good) writes a roster workbook into `org`. */
export async function importRoster(
  org: OrgRecord,
  file: Uint8Array | undefined,
  nowIso: string,
): Promise<MemberRecord[]> {
  if (org.kind !== 'branch') throw new DomainError('NOT_A_BRANCH');
  const rows = await readRosterWorkbook(file);
  let checked = await checkRosterInSlices(rows);
  const taken = await store.idNumbersTaken(checked.idNumbers);
  if (taken.size > 0) checked = await checkRosterInSlices(rows, taken);
  if (checked.problems.length > 0) throw invalidRows(checked.problems);
  if (checked.members.length === 0) throw new DomainError('IMPORT_EMPTY');
  const pending = checked.members.map(({ row, member }) => ({ row, member: newMemberRecord(org, member, nowIso) }));
  await writeMembers(org, pending);
  return pending.map((p) => p.member);
}
