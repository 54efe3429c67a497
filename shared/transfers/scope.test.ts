import { lowestCommonAbove } from './scope';

describe('lowestCommonAbove', () => {
  it('is the 党总支 over two of its branches, else the 党委; never a branch; none across trees', () => {
    expect(lowestCommonAbove('/c/g1/b1/', '/c/g1/b2/')).toBe('g1');
    expect(lowestCommonAbove('/c/g1/b1/', '/c/b3/')).toBe('c');
    expect(lowestCommonAbove('/c/b3/', '/c/b4/')).toBe('c');
    expect(lowestCommonAbove('/c/b3/', '/c/b3/')).toBe('c');
    expect(lowestCommonAbove('/c/b1/', '/d/b2/')).toBeNull();
  });
});
