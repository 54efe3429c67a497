import { RosterMember } from '../../shared/org/schemas';
import { chunk, chunkItems, MEMBERS_PER_TRANSACTION } from './importer';
import { applyUpdate, toRosterMember } from './service';
import type { MemberRecord } from './store';

const member = (overrides: Partial<MemberRecord> = {}): MemberRecord => ({
  id: 'm1',
  orgId: 'b1',
  orgPath: '/c/b1/',
  name: '王建国',
  gender: 'male',
  phone: '13812345678',
  idNumber: '11010519491231002X',
  category: 'full',
  joinedAt: '2001-07-01',
  roles: ['member', 'secretary'],
  status: 'active',
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('Function: toRosterMember', () => {
  it('masks the phone and ID number and says whether WeChat is bound', () => {
    const shown = toRosterMember(member({ openid: 'o-123' }));
    expect(RosterMember.parse(shown)).toEqual(shown);
    expect(shown).toMatchObject({ phoneMasked: '138****5678', idNumberMasked: '110105********002X', bound: true });
    expect(JSON.stringify(shown)).not.toContain('13812345678');
    expect(JSON.stringify(shown)).not.toContain('o-123');
    expect(toRosterMember(member()).bound).toBe(false);
  });
});

describe('Function: applyUpdate', () => {
  it('applies the fields, bumps the version and keeps the openid', () => {
    const next = applyUpdate(
      member({ openid: 'o-1' }),
      { name: '王建华', status: 'inactive', version: 3 },
      '2026-02-01T00:00:00.000Z',
    );
    expect(next).toMatchObject({
      name: '王建华',
      status: 'inactive',
      version: 4,
      openid: 'o-1',
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
  });

  it('replaces branch roles but keeps member and committee', () => {
    expect(applyUpdate(member(), { roles: ['organizer', 'organizer'], version: 3 }, 'now').roles).toEqual([
      'member',
      'organizer',
    ]);
    expect(applyUpdate(member({ roles: ['member', 'committee'] }), { roles: [], version: 3 }, 'now').roles).toEqual([
      'member',
      'committee',
    ]);
    expect(applyUpdate(member(), { phone: '13900000000', version: 3 }, 'now').roles).toEqual(['member', 'secretary']);
  });
});

describe('Function: chunkItems (roster import transactions)', () => {
  it('fits whole members and one count change into each transaction', () => {
    const members = Array.from({ length: 120 }, (_, i) => member({ id: `m${i}`, idNumber: `ID${i}` }));
    const parts = chunk(members, MEMBERS_PER_TRANSACTION);
    expect(parts.map((p) => p.length)).toEqual([49, 49, 22]);
    for (const part of parts) {
      const items = chunkItems('b1', part);
      expect(items.length).toBeLessThanOrEqual(100);
      const orgUpdates = items.filter((item) => (item.Update?.Key as { pk?: string } | undefined)?.pk === 'ORG#b1');
      expect(orgUpdates).toHaveLength(1);
      expect(orgUpdates[0]!.Update!.ExpressionAttributeValues).toEqual({ ':delta': part.length });
      expect(items.filter((item) => item.Put)).toHaveLength(part.length * 2);
    }
  });
});
