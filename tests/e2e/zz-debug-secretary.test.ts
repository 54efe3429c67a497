import { loginByTapping } from './support/app';
import { NARROW, screenshot } from './support/browser';
import { turnOnLargeText } from './support/layout';
import { setUpStage } from './support/stage';

jest.setTimeout(300_000);
const stage = setUpStage();

it('debug', async () => {
  const secretary = await stage.world.api.login('demo-secretary-3');
  const created = await stage.world.api.call<{ activity: { id: string } }>('POST', '/v1/activities', secretary.token, {
    orgId: secretary.orgId, title: 'dbg', kind: 'party_lecture',
    startAt: new Date(Date.now() + 26 * 3600_000).toISOString(), endAt: new Date(Date.now() + 28 * 3600_000).toISOString(),
  });
  const id = created.body.activity.id;
  for (const [openid, reason] of [['demo-member-25', '外出进修'], ['demo-member-26', '家中有事']]) {
    const m = await stage.world.api.login(openid!);
    await stage.world.api.call('POST', `/v1/activities/${id}/leaves`, m.token, { reason });
  }
  await stage.withPhone(async (page) => {
    await turnOnLargeText(page);
    await loginByTapping(page, stage.world.h5.url, 'demo-secretary-3');
    await page.locator('.home-entry', { hasText: '请假审批' }).click();
    const leaves = page.locator('.page.leave-approvals');
    const target = leaves.locator('.leave-card', { hasText: '外出进修' }).getByText('+ 填写意见（可选）');
    await target.waitFor();
    await target.scrollIntoViewIfNeeded();
    const box = await target.boundingBox();
    console.log('box', box);
    const info = await page.evaluate(({ x, y }) => {
      const el = document.elementFromPoint(x, y);
      const chain = [];
      for (let n = el; n; n = n.parentElement) chain.push(`${n.tagName}.${n.className}`.slice(0, 80));
      const ptr = document.querySelector('taro-pull-to-refresh-core');
      return { chain, ptrRect: ptr?.getBoundingClientRect(), ptrCount: document.querySelectorAll('taro-pull-to-refresh-core').length, scroll: document.scrollingElement?.scrollTop, vh: innerHeight };
    }, { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 });
    console.log(JSON.stringify(info, null, 1));
    await screenshot(page, 'zz-debug');
  }, NARROW);
});
