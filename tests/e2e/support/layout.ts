/**
 * Layout checks on element boxes (issue #7): on the screen as drawn, no two pieces of text overlap, no text
 * runs off the side, and no short label or name (≤ 6 characters, no spaces) breaks over two lines (梁建/国);
 * running text marked `.prose` may wrap anywhere.
 * Text is measured per line with Range.getClientRects and clipped to any ancestor that hides overflow, so an
 * ellipsis counts as what is visible.
 */
import type { Page } from 'playwright-core';

export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Box = { left: number; top: number; right: number; bottom: number };
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;

    function clipOf(element: Element): Box {
      let box: Box = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
      for (let node: Element | null = element; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
          const r = node.getBoundingClientRect();
          box = {
            left: Math.max(box.left, r.left),
            top: Math.max(box.top, r.top),
            right: Math.min(box.right, r.right),
            bottom: Math.min(box.bottom, r.bottom),
          };
        }
      }
      return box;
    }

    const runs: { text: string; element: Element; boxes: Box[] }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = (node.textContent ?? '').trim();
      const element = node.parentElement;
      if (!text || !element) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      const clip = clipOf(element);
      const range = document.createRange();
      range.selectNodeContents(node);
      const boxes = [...range.getClientRects()]
        .map((r) => ({
          left: Math.max(r.left, clip.left),
          top: Math.max(r.top, clip.top),
          right: Math.min(r.right, clip.right),
          bottom: Math.min(r.bottom, clip.bottom),
        }))
        .filter((b) => b.right - b.left > 0.5 && b.bottom - b.top > 0.5);
      if (!boxes.length) continue;
      runs.push({ text, element, boxes });
      for (const b of boxes) {
        if (b.right > width + 1 || b.left < -1) {
          problems.push(`「${text}」runs off the screen (${Math.round(b.left)}–${Math.round(b.right)} of ${width})`);
        }
      }
      const lines = new Set(boxes.map((b) => Math.round(b.top)));
      // Running text (an article, a notice: marked .prose) may wrap anywhere, bold phrases included.
      const label = [...text].length <= 6 && !/\s/.test(text) && !element.closest('.prose');
      if (label && lines.size > 1) problems.push(`「${text}」breaks over two lines`);
    }

    for (let i = 0; i < runs.length; i++) {
      for (let j = i + 1; j < runs.length; j++) {
        const a = runs[i]!;
        const b = runs[j]!;
        if (a.element === b.element) continue;
        const hit = a.boxes.some((p) =>
          b.boxes.some((q) => {
            const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
            const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
            // More than a sliver: glyph boxes of neighbouring lines may touch by a pixel.
            return w > 2 && h > 2;
          }),
        );
        if (hit) problems.push(`「${a.text}」overlaps 「${b.text}」`);
      }
    }
    return problems;
  });
}

/** Turns 大字模式 on for this phone before the app's scripts run (Taro's H5 storage wraps values in {data}). */
export async function turnOnLargeText(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.localStorage.setItem('xianfeng.settings', JSON.stringify({ data: { largeText: true } }));
  });
}
