import fc from 'fast-check';
import type { OrgKind } from './schemas';
import { depthFirst, rollUp, type TreeNodeInput, withTotals } from './tree';

interface GeneratedNode extends TreeNodeInput {
  readonly parentId: string | null;
}

/** A random tree: node 0 is the root, every later node hangs under an earlier one (so paths are well-formed). */
const trees = fc
  .array(
    fc.record({
      parent: fc.nat(),
      kind: fc.constantFrom<OrgKind>('committee', 'general_branch', 'branch'),
      memberCount: fc.nat({ max: 500 }),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((specs) => {
    const nodes: GeneratedNode[] = [];
    specs.forEach((spec, index) => {
      const parent = index === 0 ? undefined : nodes[spec.parent % index];
      const id = `o${index}`;
      nodes.push({
        id,
        kind: spec.kind,
        memberCount: spec.memberCount,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
      });
    });
    return nodes;
  });

describe('Rule: org tree roll-up', () => {
  it('sums the demo tree: 党委 → 临床党总支 → two branches, and one branch under the 党委', () => {
    const totals = rollUp([
      { id: 'c', kind: 'committee', path: '/c/', memberCount: 1 },
      { id: 'g', kind: 'general_branch', path: '/c/g/', memberCount: 0 },
      { id: 'b1', kind: 'branch', path: '/c/g/b1/', memberCount: 14 },
      { id: 'b2', kind: 'branch', path: '/c/g/b2/', memberCount: 14 },
      { id: 'b3', kind: 'branch', path: '/c/b3/', memberCount: 14 },
    ]);
    expect(totals.get('c')).toEqual({ totalMembers: 43, branches: 3 });
    expect(totals.get('g')).toEqual({ totalMembers: 28, branches: 2 });
    expect(totals.get('b1')).toEqual({ totalMembers: 14, branches: 1 });
  });

  it('counts a subtree without its missing ancestors (a 党总支 staff member sees only their part)', () => {
    const totals = rollUp([
      { id: 'g', kind: 'general_branch', path: '/c/g/', memberCount: 2 },
      { id: 'b1', kind: 'branch', path: '/c/g/b1/', memberCount: 5 },
    ]);
    expect(totals.get('g')).toEqual({ totalMembers: 7, branches: 1 });
    expect(totals.has('c')).toBe(false);
  });

  it('gives the root every member and every branch of the tree', () => {
    fc.assert(
      fc.property(trees, (nodes) => {
        const root = rollUp(nodes).get('o0')!;
        expect(root.totalMembers).toBe(nodes.reduce((sum, node) => sum + node.memberCount, 0));
        expect(root.branches).toBe(nodes.filter((node) => node.kind === 'branch').length);
      }),
    );
  });

  it("makes each node's total its own count plus its children's totals", () => {
    fc.assert(
      fc.property(trees, (nodes) => {
        const totals = withTotals(nodes);
        for (const node of totals) {
          const children = totals.filter((child) => child.parentId === node.id);
          expect(node.totalMembers).toBe(node.memberCount + children.reduce((sum, c) => sum + c.totalMembers, 0));
          expect(node.branches).toBe(
            (node.kind === 'branch' ? 1 : 0) + children.reduce((sum, c) => sum + c.branches, 0),
          );
        }
      }),
    );
  });
});

describe('Rule: org tree display order', () => {
  it('puts every node after its parent, one level deeper', () => {
    fc.assert(
      fc.property(trees, (nodes) => {
        const rows = depthFirst([...nodes].reverse());
        expect(rows).toHaveLength(nodes.length);
        const position = new Map(rows.map((row, index) => [row.node.id, index]));
        for (const { node, depth } of rows) {
          if (node.parentId === null) expect(depth).toBe(0);
          else {
            const parent = rows[position.get(node.parentId)!]!;
            expect(position.get(node.parentId)!).toBeLessThan(position.get(node.id)!);
            expect(depth).toBe(parent.depth + 1);
          }
        }
      }),
    );
  });
});
