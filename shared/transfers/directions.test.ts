import { directionFor, directionsOf } from './directions';

describe('directionsOf', () => {
  it('counts a move between two branches of one 党总支 as internal above them, out and in at the branches', () => {
    expect(directionsOf('/root/gen/b1/', '/root/gen/b2/')).toEqual([
      { orgId: 'root', direction: 'internal' },
      { orgId: 'gen', direction: 'internal' },
      { orgId: 'b1', direction: 'out' },
      { orgId: 'b2', direction: 'in' },
    ]);
  });

  it('sees a move across 党总支 as out of one and into the other, internal only at the 党委', () => {
    expect(directionsOf('/root/gen/b1/', '/root/b3/')).toEqual([
      { orgId: 'root', direction: 'internal' },
      { orgId: 'gen', direction: 'out' },
      { orgId: 'b1', direction: 'out' },
      { orgId: 'b3', direction: 'in' },
    ]);
  });

  it('counts a transfer out of the system as out everywhere on the from path', () => {
    expect(directionsOf('/root/b3/', null)).toEqual([
      { orgId: 'root', direction: 'out' },
      { orgId: 'b3', direction: 'out' },
    ]);
  });

  it('counts a member registered from outside as in everywhere on the to path', () => {
    expect(directionsOf(null, '/root/gen/b2/')).toEqual([
      { orgId: 'root', direction: 'in' },
      { orgId: 'gen', direction: 'in' },
      { orgId: 'b2', direction: 'in' },
    ]);
  });

  it('names each org once, and agrees with directionFor for every org it names (every pair in a tree)', () => {
    const branches = ['/root/g1/b1/', '/root/g1/b2/', '/root/g2/b3/', '/root/b4/', null];
    for (const from of branches) {
      for (const to of branches) {
        if (from === null && to === null) continue;
        const found = directionsOf(from, to);
        expect(new Set(found.map((one) => one.orgId)).size).toBe(found.length);
        for (const { orgId, direction } of found) {
          const path = [from, to].find((one) => one?.includes(`/${orgId}/`))!;
          const own = path.slice(0, path.indexOf(`/${orgId}/`) + orgId.length + 2);
          expect(directionFor(own, from, to)).toBe(direction);
        }
      }
    }
  });
});

describe('directionFor', () => {
  it('is null for an org the transfer does not touch', () => {
    expect(directionFor('/root/b9/', '/root/b1/', '/root/b2/')).toBeNull();
  });
});
