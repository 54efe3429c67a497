/**
 * `npm run bench` → bench/results/checkin.json. Everything runs in one go against the same DynamoDB Local,
 * and is reported as ratios, because this machine's absolute speed is noisy (DESIGN §7, issue #3).
 */
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';
import { signToken } from '../functions/commons/tokens';
import { consumedCapacity, transact } from '../functions/meetings/attendees-store';
import { checkIn } from '../functions/meetings/checkin';
import { ensureFrozen } from '../functions/meetings/expected';
import { createActivity } from '../functions/meetings/lifecycle';
import { type ActivityRecord, getActivity, listCheckins } from '../functions/meetings/store';
import { createMember, createOrg, type OrgRecord } from '../functions/org/service';
import { withIdChecksum } from '../shared/org/rules';
import { h5FirstLoadKb } from './h5-first-load';
import { measureImportBomb } from './import-bomb';
import { rawCheckinItems } from './meetings-raw';
import { bundleSizes, weappMainPackageKb } from './sizes';
import { runBench } from './stack';

const root = resolve(__dirname, '..');

import { percentile, pool, round } from './timing';

const SEQUENTIAL = 300;
const WARMUP = 30;
const BURST_MEMBERS = 1000;
const TAPS = 3;
const CONCURRENCY = 50;

runBench('checkin', async ({ api }) => {
  {
    const committee = await createOrg({ name: '基准党委', kind: 'committee', parent: null });
    const branch = await createOrg({ name: '基准党支部', kind: 'branch', parent: committee });
    const now = Date.now();
    const window = {
      orgId: branch.id,
      startAt: new Date(now - 60_000).toISOString(),
      endAt: new Date(now + 4 * 3600_000).toISOString(),
    };
    const secretary = await createMember(branch, {
      name: '基准书记',
      gender: 'female',
      phone: '13800000000',
      idNumber: withIdChecksum('11010119590101000'),
      category: 'full',
      joinedAt: '1990-07-01',
      roles: ['secretary'],
    });
    const organiser = {
      kind: 'member' as const,
      memberId: secretary.id,
      name: secretary.name,
      orgId: branch.id,
      orgPath: branch.path,
      roles: ['member' as const, 'secretary' as const],
    };
    // Each activity has begun and its expected set is fixed before anything is timed, as at a meeting's start
    // (the first access writes a blank attendee per member once: functions/meetings/expected.ts).
    const newActivity = async (title: string) => {
      const created = await createActivity({ ...window, title }, organiser, now);
      return (await ensureFrozen(created, Date.now())).id;
    };
    // Real roster members: the check-in's ConditionCheck holds each one to the roster (issue #6).
    const memberIds = new Map<string, string>();
    await enrolMembers(branch, ['seq', 'burst', 'cost'], [SEQUENTIAL + WARMUP, BURST_MEMBERS, 20], memberIds);
    const memberId = (label: string) => memberIds.get(label)!;
    const claimsOf = (label: string) => ({
      kind: 'member' as const,
      memberId: memberId(label),
      name: `党员${label}`,
      orgId: branch.id,
      orgPath: branch.path,
      roles: ['member' as const],
    });
    const token = async (label: string) => (await signToken(claimsOf(label))).token;
    const qrFor = async (activityId: string) => {
      const response = await fetch(`${api.url}/v1/activities/${activityId}/qr`, {
        headers: { authorization: `Bearer ${(await signToken(organiser)).token}` },
      });
      return ((await response.json()) as { payload: string }).payload;
    };
    // The raw operation is the very transaction the API issues: the attendee, the meeting's and the month's
    // counters, the member's ConditionCheck (bench/meetings-raw.ts builds it with the service's own items).
    const frozen = new Map<string, ActivityRecord>();
    const rawCheckin = async (activityId: string, label: string) => {
      if (!frozen.has(activityId)) frozen.set(activityId, (await getActivity(activityId, true))!);
      const items = rawCheckinItems(frozen.get(activityId)!, { id: memberId(label), name: `党员${label}` });
      if (await transact(items)) throw new Error(`raw check-in ${label} refused`);
    };
    const apiCheckin = (activityId: string, bearer: string, qr: string) =>
      post(`${api.url}/v1/activities/${activityId}/checkins`, bearer, JSON.stringify({ qr }));

    // 1. Overhead, sequential: the check-in's own transaction issued directly vs one check-in through the API.
    const rawActivity = await newActivity('raw sequential');
    const apiActivity = await newActivity('api sequential');
    const apiQr = await qrFor(apiActivity);
    const seqTokens = await Promise.all(Array.from({ length: SEQUENTIAL + WARMUP }, (_, i) => token(`seq-${i}`)));
    const raw: number[] = [];
    const viaApi: number[] = [];
    for (let i = 0; i < SEQUENTIAL + WARMUP; i++) {
      // Interleaved so that both see the same machine at the same moment.
      let t = performance.now();
      await rawCheckin(rawActivity, `seq-${i}`);
      if (i >= WARMUP) raw.push(performance.now() - t);
      t = performance.now();
      const status = await apiCheckin(apiActivity, seqTokens[i]!, apiQr);
      if (status !== 201) throw new Error(`sequential check-in answered ${status}`);
      if (i >= WARMUP) viaApi.push(performance.now() - t);
    }

    // 2. Burst: raw transactions at concurrency 50, then 1000 members × 3 taps through the API.
    const rawBurstActivity = await newActivity('raw burst');
    let start = performance.now();
    await pool(
      Array.from({ length: BURST_MEMBERS }, (_, i) => i),
      CONCURRENCY,
      (i) => rawCheckin(rawBurstActivity, `burst-${i}`).then(() => undefined),
    );
    const rawSeconds = (performance.now() - start) / 1000;

    const burstActivity = await newActivity('api burst');
    const burstQr = await qrFor(burstActivity);
    const burstTokens = await Promise.all(Array.from({ length: BURST_MEMBERS }, (_, i) => token(`burst-${i}`)));
    const taps = burstTokens.flatMap((bearer) => Array.from({ length: TAPS }, () => bearer));
    const statuses = new Map<number, number>();
    start = performance.now();
    await pool(taps, CONCURRENCY, async (bearer) => {
      const status = await apiCheckin(burstActivity, bearer, burstQr);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
    const burstSeconds = (performance.now() - start) / 1000;
    const stored = (await listCheckins(burstActivity)).length;
    const aggregate = (await getActivity(burstActivity, true))?.checkedIn ?? -1;
    const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);

    // 3. Cost: the write capacity one new check-in consumes, through the very service code the handler runs.
    process.env.RETURN_CONSUMED_CAPACITY = '1';
    const costActivity = await newActivity('cost');
    const costQr = await qrFor(costActivity);
    const COST_SAMPLES = 20;
    consumedCapacity.write = 0;
    for (let i = 0; i < COST_SAMPLES; i++) {
      const claims = claimsOf(`cost-${i}`);
      const activity = (await getActivity(costActivity))!;
      const outcome = await checkIn(activity, claims, { qr: costQr }, Date.now());
      if (!outcome.created) throw new Error('cost check-in was not new');
    }
    const wcuPerCheckin = consumedCapacity.write / COST_SAMPLES;
    // The same transaction issued raw: what a check-in must cost (issue 9 added the month's aggregate to it).
    const rawCostActivity = await newActivity('raw cost');
    consumedCapacity.write = 0;
    for (let i = 0; i < COST_SAMPLES; i++) await rawCheckin(rawCostActivity, `burst-${i}`);
    const rawWcu = consumedCapacity.write / COST_SAMPLES;

    // 4. The roster import bomb (issue #6): how long the event loop stalls while it is refused.
    const importFigures = await measureImportBomb();

    // 5. Sizes.
    const bundles = await bundleSizes(root);
    const weappKb = weappMainPackageKb(root);
    const h5Kb = await h5FirstLoadKb(root);

    const rawP50 = percentile(raw, 50);
    const apiP50 = percentile(viaApi, 50);
    const rawPerS = BURST_MEMBERS / rawSeconds;
    const tapsPerS = taps.length / burstSeconds;
    const metrics = {
      raw_txn_p50_ms: round(rawP50),
      raw_txn_p99_ms: round(percentile(raw, 99)),
      api_checkin_p50_ms: round(apiP50),
      api_checkin_p99_ms: round(percentile(viaApi, 99)),
      api_p50_over_raw_p50: round(apiP50 / rawP50),
      overhead_target_met: apiP50 / rawP50 <= 1.5,
      burst_taps: taps.length,
      burst_stored: stored,
      burst_aggregate: aggregate,
      burst_201: statuses.get(201) ?? 0,
      burst_200: statuses.get(200) ?? 0,
      burst_5xx: fivexx,
      raw_txn_per_s: round(rawPerS),
      burst_taps_per_s: round(tapsPerS),
      burst_over_raw: round(tapsPerS / rawPerS),
      burst_target_met:
        stored === BURST_MEMBERS && aggregate === BURST_MEMBERS && fivexx === 0 && tapsPerS / rawPerS >= 0.7,
      wcu_per_checkin: round(wcuPerCheckin),
      wcu_per_checkin_with_member_check: round(wcuPerCheckin),
      raw_txn_wcu: round(rawWcu),
      // Issue 3's ≤ 6, and no more than the very transaction costs raw (issue 9 put the month's aggregate in it).
      cost_target_met: wcuPerCheckin <= 6 && wcuPerCheckin <= rawWcu,
      ...importFigures,
      import_target_met:
        importFigures.import_bomb_max_block_ms <= 1000 && importFigures.import_max_allowed_max_block_ms <= 1000,
      ...Object.fromEntries(Object.entries(bundles).map(([domain, kb]) => [`lambda_${domain}_kb`, round(kb)])),
      max_lambda_bundle_kb: round(Math.max(...Object.values(bundles))),
      weapp_main_package_kb: weappKb === null ? -1 : round(weappKb),
      h5_first_load_kb: h5Kb === null ? -1 : round(h5Kb),
      h5_first_load_target_met: h5Kb !== null && h5Kb <= 300,
      size_target_met: Math.max(...Object.values(bundles)) <= 200 && weappKb !== null && weappKb <= 600,
    };
    return metrics;
  }
});

/** `count` roster members per label prefix (`seq-0`…), written through the org service as the API does. */
async function enrolMembers(
  branch: OrgRecord,
  labels: string[],
  counts: number[],
  ids: Map<string, string>,
): Promise<void> {
  const work = labels.flatMap((label, l) => Array.from({ length: counts[l]! }, (_, i) => `${label}-${i}`));
  await pool(
    work.map((label, n) => ({ label, n })),
    1, // each member moves the branch's memberCount: in parallel they would only conflict
    async ({ label, n }) => {
      const idNumber = withIdChecksum(`11010119${60 + Math.floor(n / 1000)}0101${String(n % 1000).padStart(3, '0')}`);
      const member = await createMember(branch, {
        name: '基准党员',
        gender: 'male',
        phone: `139${String(n).padStart(8, '0')}`,
        idNumber,
        category: 'full',
        joinedAt: '2010-07-01',
      });
      ids.set(label, member.id);
    },
  );
}

/** A keep-alive client, like a phone's connection to API Gateway: the request is timed, not TCP set-up. */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
function post(url: string, bearer: string, body: string): Promise<number> {
  return new Promise((ok, fail) => {
    const req = request(url, {
      method: 'POST',
      agent,
      headers: {
        authorization: `Bearer ${bearer}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => ok(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end(body);
  });
}
