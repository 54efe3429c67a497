import fc from 'fast-check';
import { authorize, type MemberClaims, type Role } from './roles';

const claims = (roles: Role[], orgId: string, orgPath: string): MemberClaims => ({
  kind: 'member',
  memberId: 'm1',
  name: '王建国',
  orgId,
  orgPath,
  roles,
});
const branch1 = { orgId: 'b1', orgPath: '/c/g/b1/' };
const branch2 = { orgId: 'b2', orgPath: '/c/g/b2/' };
const branch3 = { orgId: 'b3', orgPath: '/c/b3/' };

describe('Rule: authorize (role AND scope)', () => {
  it('lets a secretary act on their own branch only', () => {
    const secretary = claims(['member', 'secretary'], 'b1', '/c/g/b1/');
    expect(authorize(secretary, ['secretary'], branch1)).toBe('ok');
    expect(authorize(secretary, ['secretary'], branch2)).toBe('FORBIDDEN_SCOPE');
  });

  it('refuses a role the route does not allow', () => {
    expect(authorize(claims(['member'], 'b1', '/c/g/b1/'), ['secretary', 'committee'], branch1)).toBe('FORBIDDEN_ROLE');
  });

  it("lets committee staff act anywhere in their org's subtree and nowhere else", () => {
    const general = claims(['member', 'committee'], 'g', '/c/g/');
    expect(authorize(general, ['committee'], branch1)).toBe('ok');
    expect(authorize(general, ['committee'], branch2)).toBe('ok');
    expect(authorize(general, ['committee'], branch3)).toBe('FORBIDDEN_SCOPE');
    const committee = claims(['member', 'committee'], 'c', '/c/');
    expect(authorize(committee, ['committee'], branch3)).toBe('ok');
  });

  it('never allows a caller without any allowed role, whatever the target', () => {
    const roles = fc.subarray<Role>(['member', 'secretary', 'organizer', 'committee']);
    fc.assert(
      fc.property(roles, roles, fc.constantFrom(branch1, branch2, branch3), (held, allowed, target) => {
        const result = authorize(claims(held, 'b1', '/c/g/b1/'), allowed, target);
        if (!held.some((r) => allowed.includes(r))) expect(result).toBe('FORBIDDEN_ROLE');
        if (result === 'ok') expect(held.some((r) => allowed.includes(r))).toBe(true);
      }),
    );
  });
});
