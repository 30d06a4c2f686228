import { chinaDateOf } from '@cradle/domain';
import type { Keys } from '../crypto/keys.js';
import type { RegionService } from '../regions/index.js';
import {
  receiptDigest,
  receiptVerifyUrl,
  signReceipt,
  renderReceiptPdf,
  type ReceiptSection,
} from '../receipts/index.js';
import type { RegistrationRow } from './repo.js';

const KIND = 'childbirthRegistration' as const;

/**
 * The receipt's content, from stored fields only (receipts/README.md): the digest over it is
 * recomputed by the verifier, so a later correction of the record shows as a mismatch. ID
 * numbers enter as their blind index (a keyed hash: it changes when any digit does, which the
 * masked form would not show) and their masked form, never in full.
 */
export function receiptContent(r: RegistrationRow, completedAt: Date) {
  const parent = (name: string | null, blind: Buffer | null, masked: string | null) =>
    name === null ? null : { name, idBlindIndex: blind?.toString('hex') ?? null, idMasked: masked };
  return {
    kind: KIND,
    number: r.registrationNo,
    regionCode: r.regionCode,
    married: r.married,
    childStatus: r.childStatus,
    expectedBirthDate: r.expectedBirthDate,
    child: r.childName === null ? null : { name: r.childName, sex: r.childSex, birthDate: r.childBirthDate },
    mother: parent(r.motherName, r.motherIdBlindIndex, r.motherIdMasked),
    father: parent(r.fatherName, r.fatherIdBlindIndex, r.fatherIdMasked),
    parity: r.parity,
    commitmentText: r.commitmentText,
    submittedAt: r.submittedAt,
    completedAt,
  };
}

export const digestOf = (r: RegistrationRow, completedAt: Date) => receiptDigest(receiptContent(r, completedAt));

/** The signed link printed in the receipt and sent to the family; stable for a given receipt. */
export function verifyUrlOf(keys: Keys, r: RegistrationRow, baseUrl: string): string {
  if (r.receiptDigest === null) throw new Error(`registration ${r.id} has no receipt`);
  return receiptVerifyUrl(
    baseUrl,
    signReceipt(keys.receiptSigning, { kind: KIND, number: r.registrationNo, digest: r.receiptDigest }),
  );
}

/**
 * Who issues it: the township (or subdistrict) government of the place the family lives, which
 * handles the registration (our reading of 属地办理, 004 (五)).
 */
export function issuerOf(regions: RegionService, regionCode: string): string {
  const path = regions.path(regionCode.slice(0, 9)).filter((p) => p.level === 'county' || p.level === 'township');
  const names = path.map((p) => p.name).join('');
  return names.endsWith('街道') ? `${names}办事处` : `${names}人民政府`;
}

const SEX = { male: '男 Male', female: '女 Female' } as const;

export function renderRegistrationReceipt(
  keys: Keys,
  regions: RegionService,
  r: RegistrationRow,
  baseUrl: string,
): Promise<Buffer> {
  // A parent on one row, name and masked number, so the receipt and its QR code fit one A4 page.
  const parent = (label: string, name: string | null, masked: string | null) => ({
    label,
    value: name === null ? '未登记 Not given' : `${name}　${masked ?? ''}`,
  });
  const child =
    r.childStatus === 'born'
      ? [
          { label: '状态 Status', value: '已出生 Born' },
          { label: '姓名 Name', value: r.childName ?? '' },
          { label: '性别 Sex', value: r.childSex ? SEX[r.childSex] : '' },
          { label: '出生日期 Date of birth', value: r.childBirthDate ?? '' },
        ]
      : [
          { label: '状态 Status', value: '怀孕 Pregnant' },
          { label: '预产期 Expected', value: r.expectedBirthDate ?? '' },
        ];
  const sections: ReceiptSection[] = [
    {
      heading: '登记信息 Registration',
      rows: [
        {
          label: '居住地 Residence',
          value: regions
            .path(r.regionCode)
            .map((p) => p.name)
            .join(''),
        },
        { label: '婚姻状况 Marriage', value: r.married ? '婚内生育 In wedlock' : '非婚生育 Out of wedlock' },
        { label: '办理方式 Channel', value: '网上办理，承诺制 Online, by written commitment' },
        { label: '提交时间 Submitted', value: chinaDateOf(r.submittedAt) },
      ],
    },
    {
      heading: '父母 Parents',
      rows: [
        parent('母亲 Mother', r.motherName, r.motherIdMasked),
        parent('父亲 Father', r.fatherName, r.fatherIdMasked),
      ],
    },
    { heading: '子女 Child', rows: [...child, { label: '孩次 Parity', value: `第${r.parity}孩 Child ${r.parity}` }] },
  ];
  return renderReceiptPdf({
    title: { zh: '生育登记回执', en: 'Childbirth Registration Receipt' },
    number: r.registrationNo,
    issuedAt: r.completedAt!,
    issuer: issuerOf(regions, r.regionCode),
    sections,
    verifyUrl: verifyUrlOf(keys, r, baseUrl),
    note: "本登记依据当事人书面承诺办理（承诺制）；孩次依据全员人口库计算。Registered on the applicant's written commitment; the parity is computed from the population registry.",
  });
}

/** Surname kept, the rest masked: 和丽华 → 和**. Enough to match a paper receipt, not to identify. */
export const maskName = (name: string) => {
  const chars = [...name];
  return chars[0]! + '*'.repeat(Math.max(chars.length - 1, 1));
};

/** What the public verify page shows of a registration a valid token names (receipts/verify-routes.ts). */
export function verifiedRegistration(regions: RegionService, r: RegistrationRow, tokenDigest: string) {
  if (r.completedAt === null || r.receiptDigest === null) return null;
  return {
    issuedAt: r.completedAt.toISOString(),
    issuer: issuerOf(regions, r.regionCode),
    regionCode: r.regionCode,
    summary: {
      motherName: maskName(r.motherName),
      parity: r.parity,
      childStatus: r.childStatus,
      region: regions
        .path(r.regionCode.slice(0, 9))
        .map((p) => p.name)
        .join(''),
    },
    contentMatches: digestOf(r, r.completedAt) === tokenDigest,
  };
}
