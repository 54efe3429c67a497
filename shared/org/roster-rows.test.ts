import fc from 'fast-check';
import {
  checkRoster,
  columnOfHeader,
  locateColumns,
  parseRosterRow,
  type RosterCells,
  type RosterRowInput,
  toIsoDate,
} from './roster-rows';
import { withIdChecksum } from './rules';

const ID_A = withIdChecksum('33022519800101123');
const ID_B = withIdChecksum('33022519850615456');
const ID_C = withIdChecksum('11010519491231002');

const good = (overrides: RosterCells = {}): RosterCells => ({
  name: '王建国',
  gender: '男',
  phone: '13812345678',
  idNumber: ID_A,
  category: '正式党员',
  joinedAt: '2001-07-01',
  ...overrides,
});

const rows = (...cells: RosterCells[]): RosterRowInput[] => cells.map((c, i) => ({ row: i + 2, cells: c }));

describe('Rule: roster header', () => {
  it('finds the columns by header text in any order, ignoring extra columns and markers', () => {
    const { positions, missing } = locateColumns([
      null,
      '入党日期',
      '* 姓名',
      '备注',
      '身份证号码',
      '性别',
      '党员类别',
      '手机号（必填）',
    ]);
    expect(missing).toEqual([]);
    expect(positions).toEqual({ joinedAt: 1, name: 2, idNumber: 4, gender: 5, category: 6, phone: 7 });
  });

  it('names the columns that are missing, in template order', () => {
    expect(locateColumns(['姓名', '性别', '党员类别']).missing).toEqual(['手机号', '身份证号', '入党日期']);
  });

  it('knows the usual other names of a column', () => {
    expect(columnOfHeader('公民身份号码')).toBe('idNumber');
    expect(columnOfHeader(' 手机号码 ')).toBe('phone');
    expect(columnOfHeader('入党日期(YYYY-MM-DD)')).toBe('joinedAt');
    expect(columnOfHeader('籍贯')).toBeNull();
  });
});

describe('Rule: 入党日期 cells', () => {
  it('reads date cells, Excel serials, and the usual ways of writing a date', () => {
    expect(toIsoDate(new Date('2021-07-01T00:00:00Z'))).toBe('2021-07-01');
    expect(toIsoDate(new Date('2021-06-30T23:59:59.990Z'))).toBe('2021-07-01'); // float noise in a date cell
    expect(toIsoDate(44378)).toBe('2021-07-01');
    expect(toIsoDate(20210701)).toBe('2021-07-01');
    expect(toIsoDate('2021-07-01')).toBe('2021-07-01');
    expect(toIsoDate('2021/7/1')).toBe('2021-07-01');
    expect(toIsoDate('2021.7.1')).toBe('2021-07-01');
    expect(toIsoDate('2021年7月1日')).toBe('2021-07-01');
    expect(toIsoDate(' 20210701 ')).toBe('2021-07-01');
  });

  it('refuses what is not a real day', () => {
    expect(toIsoDate('2021/2/30')).toBeNull();
    expect(toIsoDate('2021-13-01')).toBeNull();
    expect(toIsoDate('去年七月')).toBeNull();
    expect(toIsoDate(12)).toBeNull();
    expect(toIsoDate(true)).toBeNull();
    expect(toIsoDate(null)).toBeNull();
  });

  it('reads every day as itself, whichever way it is written', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1921-07-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        (at) => {
          const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
          const iso = day.toISOString().slice(0, 10);
          const [y, m, d] = iso.split('-').map(Number);
          expect(toIsoDate(day)).toBe(iso);
          expect(toIsoDate(`${y}/${m}/${d}`)).toBe(iso);
          expect(toIsoDate((day.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000)).toBe(iso);
        },
      ),
    );
  });
});

describe('Rule: parseRosterRow', () => {
  it('turns a good row into a create request', () => {
    expect(
      parseRosterRow(good({ name: ' 李秀英 ', gender: '女', category: '预备党员', joinedAt: '2023/3/5' })),
    ).toEqual({
      member: {
        name: '李秀英',
        gender: 'female',
        phone: '13812345678',
        idNumber: ID_A,
        category: 'probationary',
        joinedAt: '2023-03-05',
      },
      errors: [],
    });
  });

  it('tolerates numeric phone cells, spaced phones, a lower-case x and date cells', () => {
    const lowerX = withIdChecksum('11010519491231002').toLowerCase();
    const { member } = parseRosterRow(
      good({ phone: 13912345678, idNumber: lowerX, joinedAt: new Date('2010-10-10T00:00:00Z') }),
    );
    expect(member).toMatchObject({ phone: '13912345678', idNumber: ID_C, joinedAt: '2010-10-10' });
    expect(parseRosterRow(good({ phone: '139 1234-5678' })).member?.phone).toBe('13912345678');
  });

  it('reports every bad column of a row with a Chinese message', () => {
    const { member, errors } = parseRosterRow({
      name: '王',
      gender: 'M',
      phone: '1381234567',
      idNumber: `${ID_A.slice(0, 17)}${ID_A[17] === '0' ? '1' : '0'}`,
      category: '群众',
      joinedAt: '2021-02-30',
    });
    expect(member).toBeNull();
    expect(errors).toEqual([
      { column: '姓名', message: '姓名至少 2 个字' },
      { column: '性别', message: '性别应填“男”或“女”' },
      { column: '手机号', message: '手机号应为 11 位中国大陆手机号' },
      { column: '身份证号', message: '身份证号无效（位数、出生日期或校验位不对）' },
      { column: '党员类别', message: '党员类别应填“正式党员”或“预备党员”' },
      { column: '入党日期', message: '入党日期应为有效日期，如 2021-07-01 或 2021/7/1' },
    ]);
  });

  it('says which cells are empty, and why a numeric ID number cannot be trusted', () => {
    const { errors } = parseRosterRow({ name: '', phone: null, idNumber: Number('330225198001011230') }); // what Excel keeps of it
    expect(errors.map((e) => e.message)).toEqual([
      '姓名不能为空',
      '性别不能为空',
      '手机号不能为空',
      '身份证号请以文本格式填写（数字格式会丢失末几位）',
      '党员类别不能为空',
      '入党日期不能为空',
    ]);
  });
});

describe('Rule: checkRoster (the whole file)', () => {
  it('passes a good file through, skipping blank rows', () => {
    const result = checkRoster([
      { row: 2, cells: good() },
      { row: 3, cells: { name: '  ', phone: null } },
      { row: 4, cells: good({ name: '张志强', phone: '13987654321', idNumber: ID_B }) },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.members.map((m) => m.row)).toEqual([2, 4]);
    expect(result.idNumbers).toEqual([ID_A, ID_B]);
  });

  it('flags the later row of an ID number or phone that appears twice', () => {
    const result = checkRoster(
      rows(
        good(),
        good({ name: '张志强', phone: '13987654321', idNumber: ID_B }),
        good({ name: '刘海燕', phone: '13987654321', idNumber: ID_A.toLowerCase() }),
      ),
    );
    expect(result.members.map((m) => m.row)).toEqual([2, 3]);
    expect(result.problems).toEqual([
      { row: 4, column: '手机号', message: '与第 3 行的手机号重复' },
      { row: 4, column: '身份证号', message: '与第 2 行的身份证号重复' },
    ]);
  });

  it('finds duplicates even in a row with other errors', () => {
    const result = checkRoster(rows(good({ category: '群众' }), good({ name: '张志强', phone: '13987654321' })));
    expect(result.problems).toEqual([
      { row: 2, column: '党员类别', message: '党员类别应填“正式党员”或“预备党员”' },
      { row: 3, column: '身份证号', message: '与第 2 行的身份证号重复' },
    ]);
  });

  it('flags ID numbers already on a roster', () => {
    const result = checkRoster(
      rows(good(), good({ name: '张志强', phone: '13987654321', idNumber: ID_B })),
      new Set([ID_B]),
    );
    expect(result.members.map((m) => m.row)).toEqual([2]);
    expect(result.problems).toEqual([{ row: 3, column: '身份证号', message: '该身份证号已登记在册' }]);
  });

  it('lists the problems by row, then by column in template order', () => {
    const result = checkRoster(
      rows(
        good({ joinedAt: 'x' }),
        good({ phone: '1', idNumber: ID_B }),
        good({ name: '1', idNumber: ID_C, phone: '13700000000' }),
      ),
    );
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, '入党日期'],
      [3, '手机号'],
      [4, '姓名'],
    ]);
  });
});
