/**
 * The 介绍信's wording, paragraph by paragraph — the printable page and the PDF print exactly these. Pure: the
 * facts come in (kept on the letter when it was issued), the text goes out. The ID number is always masked
 * (first 6, last 4): the receiving organisation checks it against the person in front of them.
 */
import { toShanghai } from '../time';
import { duesPaidThroughText } from './letter';

export const LETTER_TITLE = '中国共产党党员组织关系介绍信';

export interface LetterFacts {
  readonly number: string;
  readonly destinationName: string;
  readonly memberName: string;
  readonly gender: 'male' | 'female';
  readonly category: 'full' | 'probationary';
  /** Already masked: 330225********123X. */
  readonly idNumberMasked: string;
  readonly fromOrgName: string;
  readonly reason: string;
  /** YYYY-MM, or null when nothing was ever paid. */
  readonly duesPaidThrough: string | null;
  readonly validUntil: string;
  readonly committeeName: string;
  readonly issuedAt: string;
}

/** 2027年2月22日: how a letter writes a Shanghai day. */
export const chineseDate = (at: string | number) => toShanghai(at).format('YYYY年M月D日');

/** 先锋医院党委 signs as 中共先锋医院委员会; a 党总支 as …总支部委员会. */
export function signatureOf(committeeName: string): string {
  const base = committeeName.trim().replace(/^中共/, '');
  if (base.endsWith('委员会')) return `中共${base}`;
  if (base.endsWith('党总支')) return `中共${base.slice(0, -3)}总支部委员会`;
  if (base.endsWith('党委')) return `中共${base.slice(0, -2)}委员会`;
  return `中共${base}委员会`;
}

/** The applicant's reason as a clause: one line, no leading 因, no closing punctuation (the sentence goes on). */
export function reasonClause(reason: string): string {
  const clause = reason
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^因为?\s*/, '')
    .replace(/[。，、；;,.!！?？\s]+$/u, '');
  return clause || '工作需要';
}

export function letterParagraphs(facts: LetterFacts): string[] {
  const dues =
    facts.duesPaidThrough === null
      ? '该同志尚无党费交纳记录。'
      : `该同志党费已交到${duesPaidThroughText(facts.duesPaidThrough)}。`;
  return [
    LETTER_TITLE,
    facts.number,
    `${facts.destinationName}：`,
    `${facts.memberName}同志（${facts.gender === 'male' ? '男' : '女'}，${
      facts.category === 'full' ? '正式' : '预备'
    }党员，身份证号 ${facts.idNumberMasked}）系${facts.fromOrgName}党员，因${reasonClause(
      facts.reason,
    )}，转去你处，请接转组织关系。${dues}`,
    `（有效期至 ${chineseDate(facts.validUntil)}）`,
    signatureOf(facts.committeeName),
    chineseDate(facts.issuedAt),
  ];
}
