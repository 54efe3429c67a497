import { chineseDate, LETTER_TITLE, letterParagraphs, reasonClause, signatureOf } from './letter-text';

const facts = {
  number: '象医党转〔2026〕第012号',
  destinationName: '中共杭州市第一人民医院委员会',
  memberName: '王建国',
  gender: 'male' as const,
  category: 'full' as const,
  idNumberMasked: '330225********123X',
  fromOrgName: '内科第一党支部',
  reason: '工作调动。',
  duesPaidThrough: '2026-11',
  validUntil: '2027-02-22T15:59:59.999Z',
  committeeName: '先锋医院党委',
  issuedAt: '2026-11-24T02:00:00.000Z',
};

describe('letterParagraphs', () => {
  it('writes the 介绍信 as printed: title, number, addressee, body, validity, signature, date', () => {
    expect(letterParagraphs(facts)).toEqual([
      LETTER_TITLE,
      '象医党转〔2026〕第012号',
      '中共杭州市第一人民医院委员会：',
      '王建国同志（男，正式党员，身份证号 330225********123X）系内科第一党支部党员，因工作调动，转去你处，请接转组织关系。该同志党费已交到2026年11月。',
      '（有效期至 2027年2月22日）',
      '中共先锋医院委员会',
      '2026年11月24日',
    ]);
  });

  it('says so when no dues were ever paid, and writes a probationary woman as such', () => {
    const body = letterParagraphs({ ...facts, duesPaidThrough: null, gender: 'female', category: 'probationary' })[3]!;
    expect(body).toContain('（女，预备党员，');
    expect(body).toContain('该同志尚无党费交纳记录。');
  });
});

describe('signatureOf', () => {
  it('signs a 党委 and a 党总支 by their full names', () => {
    expect(signatureOf('先锋医院党委')).toBe('中共先锋医院委员会');
    expect(signatureOf('临床党总支')).toBe('中共临床总支部委员会');
    expect(signatureOf('中共某某委员会')).toBe('中共某某委员会');
    expect(signatureOf('某某医院')).toBe('中共某某医院委员会');
  });
});

describe('reasonClause', () => {
  it('makes one clause of a reason typed over lines, without a leading 因 or a closing full stop', () => {
    expect(reasonClause('因为 工作调动\n到杭州。')).toBe('工作调动 到杭州');
    expect(reasonClause('。')).toBe('工作需要');
  });
});

describe('chineseDate', () => {
  it('writes the Shanghai day, so 23:30 UTC is already the next day', () => {
    expect(chineseDate('2026-12-31T16:30:00.000Z')).toBe('2027年1月1日');
  });
});
