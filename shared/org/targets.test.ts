import fc from 'fast-check';
import { coveringTarget, toggleTarget } from './targets';

const nodes = [
  { id: 'c', path: '/c/' },
  { id: 'z1', path: '/c/z1/' },
  { id: 'b1', path: '/c/z1/b1/' },
  { id: 'b2', path: '/c/z1/b2/' },
  { id: 'b3', path: '/c/b3/' },
  { id: 'b31', path: '/c/b31/' },
];

describe('发布范围 targets', () => {
  it('chooses, unchooses, and folds chosen descendants into a newly chosen ancestor', () => {
    expect(toggleTarget(nodes, [], 'b1')).toEqual(['b1']);
    expect(toggleTarget(nodes, ['b1', 'b3'], 'b1')).toEqual(['b3']);
    expect(toggleTarget(nodes, ['b1', 'b2', 'b3'], 'z1')).toEqual(['z1', 'b3']);
  });

  it('ignores a tap on an org its chosen ancestor already covers', () => {
    expect(toggleTarget(nodes, ['z1'], 'b2')).toEqual(['z1']);
    expect(coveringTarget(nodes[3]!, [nodes[1]!])?.id).toBe('z1');
  });

  it('does not mistake a sibling whose id shares a prefix for a descendant', () => {
    expect(coveringTarget(nodes[5]!, [nodes[4]!])).toBeUndefined();
    expect(toggleTarget(nodes, ['b31'], 'b3')).toEqual(['b3', 'b31']);
  });

  it('never holds an org together with one of its ancestors, whatever is tapped', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...nodes.map((node) => node.id)), { maxLength: 20 }), (taps) => {
        let chosen: string[] = [];
        for (const tap of taps) chosen = toggleTarget(nodes, chosen, tap);
        const picked = nodes.filter((node) => chosen.includes(node.id));
        for (const node of picked) expect(coveringTarget(node, picked)).toBeUndefined();
      }),
    );
  });
});
