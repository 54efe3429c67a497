/**
 * `npm run bench` → bench/results/meetings.json: issue 9's benchmark, in one run on one DynamoDB Local.
 * Branch meeting statistics for 10 vs 2,000 members (consumed read capacity equal); a committee's 落实率 for
 * 3 vs 60 branches (one Query each, capacity growing no faster than the rows); 500 members checking in and out
 * of one 周二夜学 session at concurrency 50 through the API against the same transactions issued raw; the
 * session-generation job run twice at once (no duplicates).
 */
import { appSecrets } from '../functions/commons/config';
import { signToken } from '../functions/commons/tokens';
import { ensureFrozen } from '../functions/meetings/expected';
import { createActivity } from '../functions/meetings/lifecycle';
import { runNightStudyJob } from '../functions/meetings/night-study-job';
import { currentPayload } from '../functions/meetings/qr';
import { activitiesStartingBetween, getActivity } from '../functions/meetings/store';
import { createMember, createOrg, type MemberRecord, type OrgRecord } from '../functions/org/service';
import type { QrPurpose } from '../shared/meetings/qr';
import { withIdChecksum } from '../shared/org/rules';
import { monthRange, shanghaiDay, shanghaiMonth } from '../shared/time';
import { branchMonthRecord, rawCheckins, rawCheckouts, recount } from './meetings-raw';
import { runBench } from './stack';
import { call, claimsOf, enrol, meterDynamo, Statuses } from './study-setup';
import { percentile, pool, round } from './timing';

const SMALL = 10;
const LARGE = 2000;
const BURST = 500;
const WARMUP = 100;
const CONCURRENCY = 50;

runBench('meetings', async ({ api }) => {
  const began = performance.now();
  const metered = meterDynamo();
  {
    // Two committees: one of 3 branches (the small and the large among them), one of 60 small ones.
    let t = performance.now();
    const committee = await createOrg({ name: '基准党委', kind: 'committee', parent: null });
    const wide = await createOrg({ name: '大党委', kind: 'committee', parent: null });
    const small = await createOrg({ name: '小支部', kind: 'branch', parent: committee });
    const large = await createOrg({ name: '大支部', kind: 'branch', parent: committee });
    const third = await createOrg({ name: '第三支部', kind: 'branch', parent: committee });
    const many: OrgRecord[] = [];
    for (let i = 0; i < 60; i++) many.push(await createOrg({ name: `支部${i + 1}`, kind: 'branch', parent: wide }));
    const staffOf = async (org: OrgRecord, n: number) =>
      createMember(org, {
        name: '党委干事',
        gender: 'female',
        phone: `1380000000${n}`,
        idNumber: withIdChecksum(`1101011949010100${n}`),
        category: 'full',
        joinedAt: '1990-07-01',
        extraRoles: ['committee'],
      });
    const [staff, wideStaff] = [await staffOf(committee, 1), await staffOf(wide, 2)];
    const [smallMembers, largeMembers] = await Promise.all([enrol(small, SMALL, 1), enrol(large, LARGE, 2)]);
    const secretary = largeMembers[LARGE - 1]!;
    const enrolSeconds = (performance.now() - t) / 1000;
    const tokenOf = new Map<string, string>();
    for (const member of [staff, wideStaff, ...smallMembers, ...largeMembers]) {
      tokenOf.set(member.id, (await signToken(claimsOf(member))).token);
    }
    const bearer = (member: MemberRecord) => tokenOf.get(member.id)!;
    const runner = { ...claimsOf(secretary), roles: ['member', 'secretary'] as const };

    // Sessions of the large branch: warm-up, the API burst, and the raw burst, each 周二夜学 with 签退, begun a
    // minute ago; each frozen before timing (its 2,000 expected attendees written once, as at a meeting's start).
    const now = Date.now();
    const session = async (title: string, orgId = large.id) =>
      createActivity(
        {
          orgId,
          title,
          kind: 'night_study',
          requireCheckout: true,
          startAt: new Date(now - 60_000).toISOString(),
          endAt: new Date(now + 2 * 3600_000).toISOString(),
        },
        { ...runner, roles: [...runner.roles] },
        now,
      );
    const [warm, burst, raw, smallSession] = [
      await session('预热夜学'),
      await session('夜学'),
      await session('对照夜学'),
      await session('小支部夜学', small.id),
    ];
    t = performance.now();
    for (const a of [warm, burst, raw, smallSession]) await ensureFrozen(a, Date.now());
    const freezeSeconds = (performance.now() - t) / 4000;

    // Each tap types the code of the moment (the secretary's screen: a code lives 30 s), computed here.
    const { qrSecret } = await appSecrets();
    const tap = (activityId: string, member: MemberRecord, path: 'checkins' | 'checkouts', purpose: QrPurpose) => {
      const { code } = currentPayload(qrSecret, activityId, Date.now(), 30, purpose);
      return call('POST', `${api.url}/v1/activities/${activityId}/${path}`, bearer(member), { code });
    };
    const warmStatuses = new Statuses();
    await pool(largeMembers.slice(0, WARMUP), CONCURRENCY, async (m) =>
      warmStatuses.add((await tap(warm.id, m, 'checkins', 'checkin')).status),
    );
    if (warmStatuses.of(201) !== WARMUP) throw new Error(`warm-up: ${JSON.stringify([...warmStatuses.counts])}`);

    const burstMembers = largeMembers.slice(0, BURST);
    const rawMembers = largeMembers.slice(BURST, 2 * BURST);
    const frozenRaw = (await getActivity(raw.id, true))!;
    const rawIn = await rawCheckins(frozenRaw, rawMembers, CONCURRENCY);
    const statuses = new Statuses();
    const latencies: number[] = [];
    const burstStart = performance.now();
    for (const [path, purpose] of [
      ['checkins', 'checkin'],
      ['checkouts', 'checkout'],
    ] as const) {
      await pool(burstMembers, CONCURRENCY, async (member) => {
        const answer = await tap(burst.id, member, path, purpose);
        statuses.add(answer.status);
        latencies.push(answer.ms);
      });
    }
    const burstSeconds = (performance.now() - burstStart) / 1000;
    const rawOut = await rawCheckouts(frozenRaw, rawMembers, CONCURRENCY);
    const after = (await getActivity(burst.id, true))!;
    const counted = await recount(burst.id);
    const month = shanghaiMonth(now);
    const monthRow = await branchMonthRecord(large.id, month);
    const monthActivities = await activitiesStartingBetween(large.id, monthRange(month).from, monthRange(month).to, {
      pageSize: 100,
      maxPages: 5,
    });
    const sumOf = (key: 'checkedIn') => monthActivities.items.reduce((n, a) => n + (a[key] ?? 0), 0);

    // Statistics: the whole GET …/meeting-stats (roster check, org, the month's aggregate), metered after a warm call.
    const statsOf = async (orgId: string, token: string) => {
      const url = `${api.url}/v1/orgs/${orgId}/meeting-stats?period=${month}`;
      await call('GET', url, token);
      let answer: Awaited<ReturnType<typeof call>> | undefined;
      const used = await metered(async () => {
        answer = await call('GET', url, token);
      });
      if (answer?.status !== 200)
        throw new Error(`meeting-stats ${orgId}: ${answer?.status} ${JSON.stringify(answer?.body)}`);
      const queries = used.calls.filter((c) => c.command === 'QueryCommand');
      return {
        ...used,
        queries: queries.length,
        queryRcu: queries.reduce((n, c) => n + c.units, 0),
        body: answer.body,
      };
    };
    const stats10 = await statsOf(small.id, bearer(staff));
    const stats2000 = await statsOf(large.id, bearer(staff));
    // 60 branches with a meeting each this month, so every row of the wide committee has data.
    await pool(many, 10, async (branch) => {
      await createActivity(
        {
          orgId: branch.id,
          title: '支委会',
          kind: 'committee_meeting',
          startAt: new Date(now - 3600_000).toISOString(),
          endAt: new Date(now).toISOString(),
        },
        { ...runner, orgId: branch.id, orgPath: branch.path, roles: ['member', 'secretary'] },
        now,
      );
    });
    const committee3 = await statsOf(committee.id, bearer(staff));
    const committee60 = await statsOf(wide.id, bearer(wideStaff));
    const rows = (stats: typeof committee3) => (stats.body.branches as unknown[] | undefined)?.length ?? 0;

    // The generation job run twice at once over all 65 branches: one session per (branch, date).
    t = performance.now();
    await Promise.all([runNightStudyJob(), runNightStudyJob()]);
    const generationSeconds = (performance.now() - t) / 1000;
    let sessions = 0;
    const dates = new Set<string>();
    for (const branch of [small, large, third, ...many]) {
      const future = await activitiesStartingBetween(
        branch.id,
        new Date(now + 86_400_000).toISOString(),
        new Date(now + 40 * 86_400_000).toISOString(),
        { pageSize: 100, maxPages: 5 },
      );
      for (const a of future.items) {
        const record = (await getActivity(a.id))!;
        if (record.kind !== 'night_study' || record.status === 'cancelled') continue;
        sessions += 1;
        dates.add(`${branch.id}|${shanghaiDay(record.startAt)}`);
      }
    }

    const rawPerS = (2 * BURST) / (rawIn.seconds + rawOut.seconds);
    const burstPerS = (2 * BURST) / burstSeconds;
    const metrics = {
      stats_rcu_10: round(stats10.rcu),
      stats_rcu_2000: round(stats2000.rcu),
      stats_queries_10: stats10.queries,
      stats_queries_2000: stats2000.queries,
      stats_dynamo_calls_2000: stats2000.calls.length,
      stats_target_met: stats10.rcu === stats2000.rcu,
      committee_rows_3: rows(committee3),
      committee_rows_60: rows(committee60),
      committee_queries_3: committee3.queries,
      committee_queries_60: committee60.queries,
      committee_query_rcu_3: round(committee3.queryRcu),
      committee_query_rcu_60: round(committee60.queryRcu),
      committee_rcu_3: round(committee3.rcu),
      committee_rcu_60: round(committee60.rcu),
      committee_rcu_per_row_3: round(committee3.queryRcu / Math.max(1, rows(committee3))),
      committee_rcu_per_row_60: round(committee60.queryRcu / Math.max(1, rows(committee60))),
      burst_members: BURST,
      burst_taps: 2 * BURST,
      burst_recorded: counted.checkedIn,
      burst_checked_out: counted.checkedOut,
      burst_aggregate: after.checkedIn,
      burst_aggregate_checked_out: after.checkedOut ?? 0,
      burst_expected: after.expected ?? 0,
      burst_attendees_recounted: counted.attendees,
      month_checked_in: monthRow?.checkedIn ?? 0,
      month_checked_in_recount: sumOf('checkedIn'),
      burst_201: statuses.of(201),
      burst_5xx: statuses.fivexx,
      burst_other: 2 * BURST - statuses.of(201) - statuses.fivexx,
      burst_taps_per_s: round(burstPerS),
      burst_p50_ms: round(percentile(latencies, 50)),
      burst_p95_ms: round(percentile(latencies, 95)),
      raw_txn_per_s: round(rawPerS),
      raw_checkin_per_s: round(BURST / rawIn.seconds),
      raw_checkout_per_s: round(BURST / rawOut.seconds),
      burst_over_raw: round(burstPerS / rawPerS),
      burst_target_met:
        counted.checkedIn === BURST &&
        after.checkedIn === BURST &&
        (after.checkedOut ?? 0) === BURST &&
        statuses.fivexx === 0 &&
        burstPerS / rawPerS >= 0.7,
      generation_sessions: sessions,
      generation_duplicates: sessions - dates.size,
      generation_s: round(generationSeconds),
      freeze_2000_s: round(freezeSeconds),
      setup_enrol_s: round(enrolSeconds),
      total_s: round((performance.now() - began) / 1000),
    };
    return metrics;
  }
});
