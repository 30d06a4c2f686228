import { computeIdCheckCharacter, type RawPersonRow } from '@cradle/domain';

const SURNAMES = ['和', '余', '李', '杨', '王', '张', '赵', '熊', '蜂', '胡'];
const GIVEN = ['丽', '强', '梅', '华', '军', '芳', '伟', '娟', '勇', '艳', '明', '秀'];

/**
 * N distinct raw rows as the import reader would yield them (strings keyed by canonical field).
 * Row i gets a unique (birth date, sequence) pair, so its ID number is unique and valid.
 */
export function benchRows(n: number, villages: string[]): RawPersonRow[] {
  const rows = new Array<RawPersonRow>(n);
  const start = Date.UTC(1940, 0, 1);
  for (let i = 0; i < n; i++) {
    const day = i % 30000; // about 82 years of birth dates
    const seq = Math.floor(i / 30000) * 2 + 1 + (i % 2); // odd = male, even = female
    const d = new Date(start + day * 86_400_000);
    const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
    const first17 = `533423${ymd}${String(seq).padStart(3, '0')}`;
    const village = villages[i % villages.length]!;
    rows[i] = {
      name: SURNAMES[i % SURNAMES.length]! + GIVEN[(i >> 3) % GIVEN.length]! + GIVEN[(i >> 7) % GIVEN.length]!,
      idNumber: first17 + computeIdCheckCharacter(first17),
      sex: seq % 2 === 1 ? '男' : '女',
      birthDate: `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`,
      ethnicity: '傈僳族',
      hukouRegionCode: village,
      residenceRegionCode: village,
      householdNo: `B${village}${String(Math.floor(i / 3)).padStart(8, '0')}`,
      relationToHead: i % 3 === 0 ? '户主' : '其他',
      phone: null,
    };
  }
  return rows;
}
