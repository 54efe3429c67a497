import fc from 'fast-check';
import type { Role } from '../auth/roles';
import {
  type Author,
  canTarget,
  defaultTargetIds,
  feedOrgIds,
  isAimedAt,
  normalizeTargets,
  type OrgRef,
} from './targeting';

/** A random org tree: node 0 is the root, every later node hangs under an earlier one. */
const trees = fc.array(fc.nat(), { minLength: 1, maxLength: 30 }).map((parents) => {
  const nodes: OrgRef[] = [];
  parents.forEach((parent, index) => {
    const above = index === 0 ? undefined : nodes[parent % index];
    nodes.push({ id: `o${index}`, path: `${above?.path ?? '/'}o${index}/` });
  });
  return nodes;
});

const roleSets = fc.subarray<Role>(['secretary', 'organizer', 'committee'], { minLength: 0 });

/** A tree, an author somewhere in it with some roles, and a few requested targets. */
const cases = trees.chain((nodes) =>
  fc.record({
    nodes: fc.constant(nodes),
    author: fc.record({ at: fc.nat(nodes.length - 1), roles: roleSets }),
    targets: fc.uniqueArray(fc.nat(nodes.length - 1), { minLength: 1, maxLength: 6 }),
    member: fc.nat(nodes.length - 1),
  }),
);

function authorOf(nodes: OrgRef[], at: number, roles: Role[]): Author {
  const org = nodes[at]!;
  return { orgId: org.id, orgPath: org.path, roles: ['member', ...roles] };
}

describe('Rule: notice targeting', () => {
  it('lets a secretary aim at their own branch only, and committee staff at any org of their subtree', () => {
    const committee: Author = { orgId: 'c', orgPath: '/c/', roles: ['member', 'committee'] };
    const secretary: Author = { orgId: 'b1', orgPath: '/c/g/b1/', roles: ['member', 'secretary'] };
    expect(canTarget(committee, { id: 'b1', path: '/c/g/b1/' })).toBe(true);
    expect(canTarget(committee, { id: 'c', path: '/c/' })).toBe(true);
    expect(canTarget(secretary, { id: 'b1', path: '/c/g/b1/' })).toBe(true);
    expect(canTarget(secretary, { id: 'b2', path: '/c/g/b2/' })).toBe(false);
    expect(canTarget(secretary, { id: 'g', path: '/c/g/' })).toBe(false);
    expect(canTarget({ ...secretary, roles: ['member', 'organizer'] }, { id: 'b1', path: '/c/g/b1/' })).toBe(false);
  });

  it('never lets an author aim outside their own subtree, whatever their roles', () => {
    fc.assert(
      fc.property(cases, ({ nodes, author, targets }) => {
        const who = authorOf(nodes, author.at, author.roles);
        for (const index of targets) {
          const target = nodes[index]!;
          if (canTarget(who, target)) expect(target.path.startsWith(who.orgPath)).toBe(true);
          if (!who.roles.includes('committee') && canTarget(who, target)) expect(target.id).toBe(who.orgId);
        }
      }),
    );
  });

  it('defaults to the author’s own org, which they may always aim at when they publish at all', () => {
    fc.assert(
      fc.property(cases, ({ nodes, author }) => {
        const who = authorOf(nodes, author.at, author.roles);
        const own = nodes[author.at]!;
        expect(defaultTargetIds(who)).toEqual([own.id]);
        const publishes = who.roles.includes('secretary') || who.roles.includes('committee');
        expect(canTarget(who, own)).toBe(publishes);
      }),
    );
  });

  it('reaches a member exactly when a target is their org or one of its ancestors', () => {
    fc.assert(
      fc.property(cases, ({ nodes, targets, member }) => {
        const memberPath = nodes[member]!.path;
        const chosen = targets.map((i) => nodes[i]!);
        const ancestors = new Set(feedOrgIds(memberPath));
        expect(isAimedAt(chosen, memberPath)).toBe(chosen.some((target) => ancestors.has(target.id)));
      }),
    );
  });

  it('drops targets inside other targets without changing who is reached', () => {
    fc.assert(
      fc.property(cases, ({ nodes, targets }) => {
        const chosen = targets.map((i) => nodes[i]!);
        const normal = normalizeTargets([...chosen, ...chosen]);
        for (const node of nodes) expect(isAimedAt(normal, node.path)).toBe(isAimedAt(chosen, node.path));
        for (const a of normal) {
          expect(normal.filter((b) => b.id === a.id)).toHaveLength(1);
          expect(normal.some((b) => b.id !== a.id && a.path.startsWith(b.path))).toBe(false);
        }
      }),
    );
  });

  it('reads the feeds of every org on a member’s path, the root first', () => {
    expect(feedOrgIds('/org-committee/org-general-1/org-branch-1/')).toEqual([
      'org-committee',
      'org-general-1',
      'org-branch-1',
    ]);
  });
});
