import fc from 'fast-check';
import {
  categoryFromLabel,
  genderFromLabel,
  isCalendarDate,
  isValidIdNumber,
  isValidPhone,
  maskIdNumber,
  maskPhone,
  withIdChecksum,
} from './rules';
import { CreateMemberRequest, IdNumber, IsoDate } from './schemas';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 17 digits: any region, a real birth date from 1900 on, any sequence number. */
const first17 = fc
  .tuple(
    fc.integer({ min: 0, max: 999_999 }),
    fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(
    ([region, birth, seq]) =>
      `${pad(region, 6)}${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1)}${pad(birth.getUTCDate())}${pad(seq, 3)}`,
  );

describe('Rule: citizen ID number (GB 11643-1999)', () => {
  it('accepts a known good number and refuses its neighbours', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491231002x')).toBe(false); // lower-case x: the schema upper-cases first
    expect(IdNumber.parse(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('refuses wrong lengths, letters and impossible birth dates', () => {
    expect(isValidIdNumber('')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
    expect(isValidIdNumber('1101051949123100212')).toBe(false);
    expect(isValidIdNumber('A1010519491231002X')).toBe(false);
    expect(isValidIdNumber(withIdChecksum('11010519490230002'))).toBe(false); // 30 February
    expect(isValidIdNumber(withIdChecksum('11010518991231002'))).toBe(false); // before 1900
  });

  it('makes a valid number of any 17 digits with a real birth date', () => {
    fc.assert(fc.property(first17, (digits) => expect(isValidIdNumber(withIdChecksum(digits))).toBe(true)));
  });

  it('refuses the number when any one character is changed', () => {
    fc.assert(
      fc.property(first17, fc.nat(17), fc.integer({ min: 1, max: 10 }), (digits, position, shift) => {
        const valid = withIdChecksum(digits);
        const alphabet = position === 17 ? '0123456789X' : '0123456789';
        const current = alphabet.indexOf(valid[position]!);
        const replacement = alphabet[(current + shift) % alphabet.length]!;
        fc.pre(replacement !== valid[position]);
        const changed = valid.slice(0, position) + replacement + valid.slice(position + 1);
        expect(isValidIdNumber(changed)).toBe(false);
      }),
    );
  });
});

describe('Rule: masking', () => {
  it('shows the first 3 and last 4 digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('***');
  });

  it('shows the region and the last 4 characters of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('123')).toBe('***');
  });

  it('never reveals the birth date or more than 7 phone digits', () => {
    fc.assert(
      fc.property(first17, fc.stringMatching(/^1[3-9]\d{9}$/), (digits, phone) => {
        const id = withIdChecksum(digits);
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(6, 14)).toBe('********');
        expect(maskPhone(phone).replace(/\*/g, '')).toHaveLength(7);
      }),
    );
  });
});

describe('Rule: phone, dates and labels', () => {
  it('accepts mainland mobile numbers only', () => {
    expect(isValidPhone('13812345678')).toBe(true);
    expect(isValidPhone('12812345678')).toBe(false);
    expect(isValidPhone('1381234567')).toBe(false);
    expect(isValidPhone('+8613812345678')).toBe(false);
  });

  it('accepts only days that exist', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2021-13-01')).toBe(false);
    expect(isCalendarDate('2021-7-1')).toBe(false);
    expect(IsoDate.safeParse('2021-02-30').error?.issues[0]?.message).toBe('日期不存在');
  });

  it('maps the Chinese labels of the template', () => {
    expect(genderFromLabel('男')).toBe('male');
    expect(genderFromLabel('女')).toBe('female');
    expect(genderFromLabel('M')).toBeNull();
    expect(categoryFromLabel('预备党员')).toBe('probationary');
    expect(categoryFromLabel('正式')).toBe('full');
    expect(categoryFromLabel('群众')).toBeNull();
  });

  it('explains a bad create request in Chinese, field by field', () => {
    const result = CreateMemberRequest.safeParse({
      name: '王',
      gender: 'male',
      phone: '123',
      idNumber: '110105194912310021',
      category: 'full',
      joinedAt: '2021-07-01',
    });
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(byField).toEqual({
      name: '姓名至少 2 个字',
      phone: '手机号应为 11 位中国大陆手机号',
      idNumber: '身份证号无效（位数、出生日期或校验位不对）',
    });
  });
});
