/**
 * `npm run bench` (after checkin) → bench/results/study.json: issue 8's benchmark, in one run on one DynamoDB
 * Local. Branch study figures for 10 vs 2,000 members (consumed read capacity equal); 500 completions at
 * concurrency 50 through the API against the same transaction issued raw; a notice read by 2,000 members
 * (receipts and counter exact); a library list page (one Query).
 */
import { loadavg } from 'node:os';
import { signToken } from '../functions/commons/tokens';
import { unreadMembers } from '../functions/notices/audience-store';
import { createNotice } from '../functions/notices/service';
import { getNotice } from '../functions/notices/store';
import { createMember, createOrg, type MemberRecord } from '../functions/org/service';
import { createItem } from '../functions/study/items';
import { branchMonths, getCheckin } from '../functions/study/progress-store';
import { withIdChecksum } from '../shared/org/rules';
import { shanghaiDay, shanghaiMonth } from '../shared/time';
import { runBench } from './stack';
import { cpuSeconds, rawCompletions, rawSessions } from './study-raw';
import { call, claimsOf, countReceipts, enrol, meterDynamo, Statuses, sleep } from './study-setup';
import { percentile, pool, round } from './timing';

const SMALL = 10;
const LARGE = 2000;
const BURST = 500;
/** Completions through the API and raw before anything is timed: both paths warm (JIT, JVM, caches). */
const WARMUP = 100;
const CONCURRENCY = 50;
const LIST_ITEMS = 30;
const ARTICLE = '<h2>学习要点</h2><p>坚持以人民健康为中心，<strong>守护生命</strong>。</p>';

runBench(
  'study',
  async ({ api, db }) => {
    const began = performance.now();
    const metered = meterDynamo();
    {
      // Setup: a committee with its staff member, a branch of 10 and a branch of 2,000 (roster-import writes).
      let t = performance.now();
      const committee = await createOrg({ name: '基准党委', kind: 'committee', parent: null });
      const small = await createOrg({ name: '小支部', kind: 'branch', parent: committee });
      const large = await createOrg({ name: '大支部', kind: 'branch', parent: committee });
      const warm = await createOrg({ name: '预热支部', kind: 'branch', parent: committee });
      const staff = await createMember(committee, {
        name: '党委干事',
        gender: 'female',
        phone: '13800000000',
        idNumber: withIdChecksum('11010119490101000'),
        category: 'full',
        joinedAt: '1990-07-01',
        extraRoles: ['committee'],
      });
      const [smallMembers, largeMembers, warmMembers] = await Promise.all([
        enrol(small, SMALL, 1),
        enrol(large, LARGE, 2),
        enrol(warm, WARMUP, 3),
      ]);
      const enrolSeconds = (performance.now() - t) / 1000;
      const staffClaims = claimsOf(staff);
      const staffToken = (await signToken(staffClaims)).token;
      const tokens = new Map<string, string>();
      for (const member of [...smallMembers, ...largeMembers, ...warmMembers]) {
        tokens.set(member.id, (await signToken(claimsOf(member))).token);
      }
      const bearer = (member: MemberRecord) => tokens.get(member.id)!;
      const newItem = async (title: string, orgId: string) =>
        (
          await createItem(
            { title, category: 'theory', kind: 'article', body: ARTICLE, minMinutes: 1, orgIds: [orgId] },
            staffClaims,
            Date.now(),
          )
        ).id;
      const smallItem = await newItem('小支部学习', small.id);
      const largeItem = await newItem('大支部学习', large.id);
      const warmItem = await newItem('预热学习', warm.id);
      for (let i = 1; i < LIST_ITEMS; i++) await newItem(`学习内容 ${i}`, large.id);

      // Sessions: opened and heartbeated through the API (500 at a time, a visible beat ≥ 1.1 s later) so that
      // the burst below measures 完成学习 alone.
      t = performance.now();
      const sessions = new Map<string, string>();
      const everyone = [
        ...smallMembers.map((member) => ({ member, itemId: smallItem })),
        ...largeMembers.map((member) => ({ member, itemId: largeItem })),
        ...warmMembers.map((member) => ({ member, itemId: warmItem })),
      ];
      for (let i = 0; i < everyone.length; i += BURST) {
        const batch = everyone.slice(i, i + BURST);
        await pool(batch, CONCURRENCY, async ({ member, itemId }) => {
          const answer = await call('POST', `${api.url}/v1/study/items/${itemId}/sessions`, bearer(member));
          if (answer.status !== 201) throw new Error(`start session: ${answer.status} ${JSON.stringify(answer.body)}`);
          sessions.set(member.id, (answer.body.session as { id: string }).id);
        });
        await sleep(1100);
        await pool(batch, CONCURRENCY, async ({ member }) => {
          const url = `${api.url}/v1/study/sessions/${sessions.get(member.id)}/heartbeat`;
          const answer = await call('POST', url, bearer(member), { visible: true });
          const session = answer.body.session as { canComplete?: boolean } | undefined;
          if (answer.status !== 200 || !session?.canComplete) throw new Error(`heartbeat: ${answer.status}`);
        });
      }
      const sessionSeconds = (performance.now() - t) / 1000;

      // Burst: 500 members of the large branch press 完成学习 at concurrency 50, through the API. Raw: the same
      // transaction issued directly at the same concurrency (bench/study-raw.ts), 500 before and 500 after the
      // burst, each on keys of its own, so that both see the machine of the same minute.
      const [rawWarm, rawBefore, rawAfter] = [
        await rawSessions('raw-warm', largeItem, 'o-raw-warm', 2 * WARMUP, CONCURRENCY),
        await rawSessions('raw-a', largeItem, 'o-raw-branch', BURST, CONCURRENCY),
        await rawSessions('raw-b', largeItem, 'o-raw-branch', BURST, CONCURRENCY),
      ];
      const burstMembers = largeMembers.slice(0, BURST);
      const complete = (member: MemberRecord) =>
        call('POST', `${api.url}/v1/study/sessions/${sessions.get(member.id)}/complete`, bearer(member));
      const warmStatuses = new Statuses();
      await pool(warmMembers, CONCURRENCY, async (member) => warmStatuses.add((await complete(member)).status));
      if (warmStatuses.of(201) !== WARMUP) throw new Error(`warm-up: ${JSON.stringify([...warmStatuses.counts])}`);
      await rawCompletions(rawWarm, 'o-raw-warm', CONCURRENCY);
      const burstStatuses = new Statuses();
      const burstMs: number[] = [];
      const load = loadavg()[0]!;
      const cpu0 = cpuSeconds(db.process.pid);
      const raw1 = await rawCompletions(rawBefore, 'o-raw-branch', CONCURRENCY);
      const cpu1 = cpuSeconds(db.process.pid);
      const burstStart = performance.now();
      await pool(burstMembers, CONCURRENCY, async (member) => {
        const answer = await complete(member);
        burstStatuses.add(answer.status);
        burstMs.push(answer.ms);
      });
      const burstSeconds = (performance.now() - burstStart) / 1000;
      const cpu2 = cpuSeconds(db.process.pid);
      const raw2 = await rawCompletions(rawAfter, 'o-raw-branch', CONCURRENCY);
      const cpu3 = cpuSeconds(db.process.pid);
      const month = shanghaiMonth(Date.now());
      const today = shanghaiDay(Date.now());
      let recorded = 0;
      await pool(burstMembers, CONCURRENCY, async (member) => {
        if (await getCheckin(member.id, today, largeItem)) recorded += 1;
      });
      const burstAggregate = (await branchMonths([large.id], month)).get(large.id)?.checkins ?? -1;
      // What one completion costs in DynamoDB requests (measured alone, on a member of the small branch).
      const probe = await metered(async () => {
        const answer = await complete(smallMembers[0]!);
        if (answer.status !== 201) throw new Error(`probe completion: ${answer.status}`);
      });

      // Everyone else completes too: the large branch's month then counts 2,000 check-ins, the small one's 10.
      const rest = new Statuses();
      await pool([...largeMembers.slice(BURST), ...smallMembers.slice(1)], CONCURRENCY, async (member) => {
        rest.add((await complete(member)).status);
      });
      if (rest.of(201) !== LARGE - BURST + SMALL - 1)
        throw new Error(`completions: ${JSON.stringify([...rest.counts])}`);

      // Branch figures: the whole GET …/study-stats request (roster check, org, maintained month), metered.
      const statsOf = async (orgId: string) => {
        const url = `${api.url}/v1/orgs/${orgId}/study-stats?month=${month}`;
        await call('GET', url, staffToken); // warm
        let answer: Awaited<ReturnType<typeof call>> | undefined;
        const used = await metered(async () => {
          answer = await call('GET', url, staffToken);
        });
        if (answer?.status !== 200) throw new Error(`study-stats: ${answer?.status}`);
        return { ...used, body: answer.body as { members: number; checkins: number }, ms: answer.ms };
      };
      const stats10 = await statsOf(small.id);
      const stats2000 = await statsOf(large.id);

      // A library page (GET /v1/study/items, 20 of the 30 items): the Queries it issues, metered.
      const reader = largeMembers[BURST]!;
      const listUrl = `${api.url}/v1/study/items?limit=20`;
      await call('GET', listUrl, bearer(reader)); // warm (the category list is cached per container)
      let listAnswer: Awaited<ReturnType<typeof call>> | undefined;
      const list = await metered(async () => {
        listAnswer = await call('GET', listUrl, bearer(reader));
      });
      const queries = list.calls.filter((c) => c.command === 'QueryCommand');
      const listed = (listAnswer?.body.items as unknown[] | undefined)?.length ?? -1;

      // A notice aimed at the large branch (by committee staff: all 2,000 are its audience), read once by each.
      t = performance.now();
      const notice = await createNotice(
        { kind: 'notice', title: '关于开展主题党日活动的通知', body: '请各位党员按时参加。', orgIds: [large.id] },
        staffClaims,
        Date.now(),
      );
      const publishSeconds = (performance.now() - t) / 1000;
      const readStatuses = new Statuses();
      const readMs: number[] = [];
      const readStart = performance.now();
      await pool(largeMembers, CONCURRENCY, async (member) => {
        const answer = await call('GET', `${api.url}/v1/notices/${notice.id}`, bearer(member));
        readStatuses.add(answer.status);
        readMs.push(answer.ms);
      });
      const readSeconds = (performance.now() - readStart) / 1000;
      const receipts = await countReceipts(notice.id);
      const readCounter = (await getNotice(notice.id, true))?.readCount ?? -1;
      const unreadLeft = (await unreadMembers(notice.id)).length;

      const raw = [...raw1.latencies, ...raw2.latencies];
      const rawPerS = (2 * BURST) / (raw1.seconds + raw2.seconds);
      const burstPerS = BURST / burstSeconds;
      const perOp = (from: number, to: number) => round(((to - from) * 1000) / BURST);
      const metrics = {
        stats_rcu_10: round(stats10.rcu),
        stats_rcu_2000: round(stats2000.rcu),
        stats_calls_10: stats10.calls.length,
        stats_calls_2000: stats2000.calls.length,
        stats_members_2000: stats2000.body.members,
        stats_checkins_10: stats10.body.checkins,
        stats_checkins_2000: stats2000.body.checkins,
        stats_ms_10: round(stats10.ms),
        stats_ms_2000: round(stats2000.ms),
        stats_target_met: stats10.rcu === stats2000.rcu && stats2000.body.checkins === LARGE,
        burst_members: BURST,
        burst_recorded: recorded,
        burst_aggregate: burstAggregate,
        burst_201: burstStatuses.of(201),
        burst_5xx: burstStatuses.fivexx,
        burst_other: BURST - burstStatuses.of(201) - burstStatuses.fivexx,
        raw_txn_per_s: round(rawPerS),
        raw_before_per_s: round(BURST / raw1.seconds),
        raw_after_per_s: round(BURST / raw2.seconds),
        raw_txn_p50_ms: round(percentile(raw, 50)),
        raw_txn_p95_ms: round(percentile(raw, 95)),
        raw_conflict_retries: raw1.conflicts + raw2.conflicts,
        burst_completions_per_s: round(burstPerS),
        burst_p50_ms: round(percentile(burstMs, 50)),
        burst_p95_ms: round(percentile(burstMs, 95)),
        burst_over_raw: round(burstPerS / rawPerS),
        completion_dynamo_calls: probe.calls.length,
        completion_rcu: round(probe.rcu),
        completion_wcu: round(probe.wcu),
        raw_node_cpu_ms_per_txn: perOp(cpu0.node + cpu2.node, cpu1.node + cpu3.node) / 2,
        raw_jvm_cpu_ms_per_txn: perOp(cpu0.jvm + cpu2.jvm, cpu1.jvm + cpu3.jvm) / 2,
        burst_node_cpu_ms_per_completion: perOp(cpu1.node, cpu2.node),
        burst_jvm_cpu_ms_per_completion: perOp(cpu1.jvm, cpu2.jvm),
        load_avg_1m_at_burst: round(load),
        burst_target_met:
          recorded === BURST && burstAggregate === BURST && burstStatuses.fivexx === 0 && burstPerS / rawPerS >= 0.7,
        notice_audience: notice.audience,
        receipts_2000: receipts,
        read_counter_2000: readCounter,
        notice_unread_after: unreadLeft,
        notice_reads_200: readStatuses.of(200),
        notice_reads_5xx: readStatuses.fivexx,
        notice_reads_per_s: round(LARGE / readSeconds),
        notice_read_p50_ms: round(percentile(readMs, 50)),
        notice_read_p95_ms: round(percentile(readMs, 95)),
        notice_publish_s: round(publishSeconds),
        notice_target_met: receipts === LARGE && readCounter === LARGE && readStatuses.fivexx === 0,
        list_items: listed,
        list_queries: queries.length,
        list_feed_queries: queries.filter((c) => c.index !== undefined).length,
        list_dynamo_calls: list.calls.length,
        list_rcu: round(list.rcu),
        list_target_met: queries.length === 1 && listed === 20,
        setup_enrol_s: round(enrolSeconds),
        setup_sessions_s: round(sessionSeconds),
        total_s: round((performance.now() - began) / 1000),
      };
      return metrics;
    }
  },
  // One of an item's minimum minutes lasts 1 s on this server: a 1-minute item completes after 1 s.
  { STUDY_SECONDS_PER_MINUTE: '1' },
);
