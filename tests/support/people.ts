import { withIdChecksum } from '../../shared/org/rules';

let sequence = 0;

/** A fresh valid ID number and phone for each call (each test file has a table of its own). */
export function newPerson(name = '赵新华') {
  sequence += 1;
  const n = String(sequence).padStart(3, '0');
  return {
    name,
    gender: 'female' as const,
    phone: `1370000${String(sequence).padStart(4, '0')}`,
    idNumber: withIdChecksum(`44010619900101${n}`),
    category: 'full' as const,
    joinedAt: '2015-07-01',
  };
}
