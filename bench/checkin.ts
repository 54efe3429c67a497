/**
 * `npm run bench` → bench/results/checkin.json. Everything runs in one go against the same DynamoDB Local,
 * and is reported as ratios, because this machine's absolute speed is noisy (DESIGN §7, issue #3).
 */
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { resetConfigForTests, tableName } from '../functions/commons/config';
import { dynamo, resetDynamoForTests } from '../functions/commons/dynamo';
import { signToken } from '../functions/commons/tokens';
import { checkIn, createActivity } from '../functions/meetings/service';
import { checkinTransaction, consumedCapacity, getActivity, listCheckins } from '../functions/meetings/store';
import { createOrg } from '../functions/org/service';
import { startDynamoLocal } from '../scripts/dynamo-local';
import { startLocalApi } from '../scripts/local-api';
import { ensureTable } from '../scripts/table';
import { bundleSizes, weappMainPackageKb } from './sizes';
import { percentile, pool } from './timing';

const root = resolve(__dirname, '..');
const SEQUENTIAL = 300;
const WARMUP = 30;
const BURST_MEMBERS = 1000;
const TAPS = 3;
const CONCURRENCY = 50;

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'; // Node 20 here, 22 on Lambda
  const db = await startDynamoLocal();
  Object.assign(process.env, {
    TABLE_NAME: 'bench',
    DYNAMO_ENDPOINT: db.endpoint,
    JWT_SECRET: 'bench-jwt-secret-0123456789abcdef',
    QR_SECRET: 'bench-qr-secret-0123456789abcdef',
  });
  resetConfigForTests();
  resetDynamoForTests();
  await ensureTable(db.endpoint, tableName());
  // In-process, exactly as `npm start` runs the local API.
  const api = await startLocalApi(0);
  try {
    const committee = await createOrg({ name: '基准党委', kind: 'committee', parent: null });
    const branch = await createOrg({ name: '基准党支部', kind: 'branch', parent: committee });
    const now = Date.now();
    const window = {
      orgId: branch.id,
      startAt: new Date(now - 60_000).toISOString(),
      endAt: new Date(now + 4 * 3600_000).toISOString(),
    };
    const organiser = {
      kind: 'member' as const,
      memberId: 'bench-sec',
      name: '书记',
      orgId: branch.id,
      orgPath: branch.path,
      roles: ['member' as const, 'secretary' as const],
    };
    const newActivity = async (title: string) => (await createActivity({ ...window, title }, organiser, now)).id;
    const token = (memberId: string) =>
      signToken({
        kind: 'member',
        memberId,
        name: `党员${memberId}`,
        orgId: branch.id,
        orgPath: branch.path,
        roles: ['member'],
      });
    const qrFor = async (activityId: string) => {
      const response = await fetch(`${api.url}/v1/activities/${activityId}/qr`, {
        headers: { authorization: `Bearer ${await signToken(organiser)}` },
      });
      return ((await response.json()) as { payload: string }).payload;
    };
    const rawCheckin = (activityId: string, memberId: string) =>
      dynamo().send(
        checkinTransaction({
          id: `c-${memberId}`,
          activityId,
          memberId,
          name: memberId,
          at: new Date().toISOString(),
          late: true,
        }),
      );
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
      (i) => rawCheckin(rawBurstActivity, `raw-${i}`).then(() => undefined),
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
      const claims = { ...organiser, memberId: `cost-${i}`, roles: ['member' as const] };
      const activity = (await getActivity(costActivity))!;
      const outcome = await checkIn(activity, claims, { qr: costQr }, Date.now());
      if (!outcome.created) throw new Error('cost check-in was not new');
    }
    const wcuPerCheckin = consumedCapacity.write / COST_SAMPLES;

    // 4. Sizes.
    const bundles = await bundleSizes(root);
    const weappKb = weappMainPackageKb(root);

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
      cost_target_met: wcuPerCheckin <= 6,
      ...Object.fromEntries(Object.entries(bundles).map(([domain, kb]) => [`lambda_${domain}_kb`, round(kb)])),
      max_lambda_bundle_kb: round(Math.max(...Object.values(bundles))),
      weapp_main_package_kb: weappKb === null ? -1 : round(weappKb),
      size_target_met: Math.max(...Object.values(bundles)) <= 200 && weappKb !== null && weappKb <= 600,
    };
    const result = {
      name: 'checkin',
      date: new Date().toISOString(),
      machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
      metrics,
    };
    writeFileSync(join(root, 'bench/results/checkin.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await api.close();
    await db.stop('SIGKILL');
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
