import { loginByTapping } from './support/app';
import { NARROW } from './support/browser';
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
    const target = leaves.locator('.leave-card', { hasText: '外出进修' }).locator('.leave-decision-add');
    await target.waitFor();
    const probe = async (label: string) => {
      const box = await target.boundingBox();
      const info = await page.evaluate(({ x, y }) => {
        const out: string[] = [];
        let root: Document | ShadowRoot = document;
        let el = root.elementFromPoint(x, y);
        while (el) {
          out.push(`${el.tagName}.${el.className}`.slice(0, 60) + (el.shadowRoot ? ' [shadow]' : ''));
          if (!el.shadowRoot) break;
          const inner = el.shadowRoot.elementFromPoint(x, y);
          if (!inner || inner === el) break;
          el = inner;
        }
        const els = document.elementsFromPoint(x, y).slice(0, 6).map((e) => `${e.tagName}.${e.className}`.slice(0, 50));
        const top = document.elementsFromPoint(x, y)[0] as HTMLElement;
        const chain: string[] = [];
        for (let n: HTMLElement | null = top; n && chain.length < 8; n = n.parentElement) {
          const r = n.getBoundingClientRect();
          const cs = getComputedStyle(n);
          chain.push(`${n.tagName}.${n.className} rect=${Math.round(r.x)},${Math.round(r.y)},${Math.round(r.width)}x${Math.round(r.height)} pos=${cs.position} z=${cs.zIndex} disp=${cs.display} op=${cs.opacity} vis=${cs.visibility} text=${(n.textContent ?? '').slice(0, 30)}`);
        }
        return { out, els, chain, html: top?.parentElement?.parentElement?.outerHTML.slice(0, 600) };
      }, { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 });
      console.log(label, JSON.stringify(box), JSON.stringify(info, null, 1));
    };
    await probe('before');
    await target.click({ trial: true, timeout: 3000 }).then(() => console.log('trial ok before'), () => console.log('trial FAIL before'));
    const list = await stage.world.api.call<{ items: { id: string; reason: string }[] }>('GET', `/v1/activities/${id}/leaves`, secretary.token);
    const other = list.body.items.find((l) => l.reason === '家中有事')!.id;
    await stage.world.api.call('POST', `/v1/leaves/${other}/decision`, secretary.token, { approve: false });
    await leaves.locator('.leave-card', { hasText: '家中有事' }).locator('.leave-decision-button--reject').click();
    await leaves.locator('.leave-card', { hasText: '家中有事' }).waitFor({ state: 'detached' });
    await probe('after');
    const rects = await page.evaluate(() => {
      const core = document.querySelector('.page.leave-approvals')!.closest('taro-pull-to-refresh-core')!;
      const wrap = core.querySelector('.rmc-pull-to-refresh-content-wrapper')!.getBoundingClientRect();
      return { rects: [...core.getClientRects()].map((r) => [r.x, r.y, r.width, r.height].map(Math.round)), wrap: [wrap.x, wrap.y, wrap.width, wrap.height].map(Math.round), kids: [...core.childNodes].map((n) => n.nodeName) };
    });
    console.log('core rects', JSON.stringify(rects));
    await page.addStyleTag({ content: 'taro-pull-to-refresh-core { display: block; }' });
    await probe('after-block');
    await target.click({ trial: true, timeout: 3000 }).then(() => console.log('trial ok block'), () => console.log('trial FAIL block'));
    await target.click({ trial: true, timeout: 3000 }).then(() => console.log('trial ok after'), () => console.log('trial FAIL after'));
  }, NARROW);
});
