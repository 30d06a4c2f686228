import { maskIdNumber, type PersonRow } from '@cradle/domain';
import type { Pii } from '../../crypto/pii.js';

/**
 * Rows ready for the database, column by column (the shape `unnest($1::text[], …)` takes):
 * ID numbers and phones encrypted, blind indexes and row hashes computed, nothing in clear
 * that the persons table does not hold in clear.
 */
export interface PreparedRows {
  rowNos: number[];
  names: string[];
  sexes: string[];
  birthDates: string[];
  ethnicities: (string | null)[];
  idKinds: string[];
  idCiphers: Buffer[];
  blindIndexes: Buffer[];
  idMasked: string[];
  phoneCiphers: (Buffer | null)[];
  hukouRegionCodes: string[];
  residenceRegionCodes: string[];
  householdNos: (string | null)[];
  relationsToHead: (string | null)[];
  rowHashes: string[];
}

/**
 * Encrypts and indexes rows for the database. The crypto runs on the PII worker thread
 * (Pii.sealMany), so the caller's thread is free meanwhile. rowNos are the spreadsheet row
 * numbers, for error reports; 1, 2, 3, … when absent.
 */
export async function prepareRows(
  rows: readonly PersonRow[],
  pii: Pii,
  rowNos?: readonly number[],
): Promise<PreparedRows> {
  const sealed = await pii.sealMany({
    idNumbers: rows.map((r) => r.idNumber),
    phones: rows.map((r) => r.phone),
    blindInputs: rows.map(rowHashInput),
  });
  const out = emptyPrepared();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    out.rowNos.push(rowNos?.[i] ?? i + 1);
    out.names.push(r.name);
    out.sexes.push(r.sex);
    out.birthDates.push(r.birthDate);
    out.ethnicities.push(r.ethnicity);
    out.idKinds.push(r.idKind);
    out.idCiphers.push(sealed.idCiphers[i]!);
    out.blindIndexes.push(sealed.idBlindIndexes[i]!);
    out.idMasked.push(maskIdNumber(r.idNumber));
    out.phoneCiphers.push(sealed.phoneCiphers[i] ?? null);
    out.hukouRegionCodes.push(r.hukouRegionCode);
    out.residenceRegionCodes.push(r.residenceRegionCode);
    out.householdNos.push(r.householdNo);
    out.relationsToHead.push(r.relationToHead);
    out.rowHashes.push(sealed.blinded[i]?.toString('hex') ?? NO_PHONE_ROW_HASH);
  }
  return out;
}

/**
 * What persons.row_hash digests for a row (through the blind-index HMAC): what the table holds
 * only encrypted — the phone — tied to the ID number, so a re-import can tell a changed phone
 * from an unchanged one without decrypting (encryption uses a fresh IV each time, so ciphertexts
 * never compare equal). The columns held in clear are compared as they are (see upsertPersons).
 * Keyed, as a bare sha256 of a phone could be brute-forced; tied to the ID number, so equal
 * phones of two people (a family's one phone) do not show as equal digests. The "\0row\0" prefix
 * keeps these inputs apart from real ID numbers, which are 18 digits.
 *
 * Without a phone there is nothing to digest (null): the comparison ignores row_hash when
 * neither the stored person nor the row has a phone, and a phone on one side only differs by
 * phone_cipher being set, so NO_PHONE_ROW_HASH (no digest is empty) saves an HMAC on most rows.
 */
export function rowHashInput(r: Pick<PersonRow, 'idNumber' | 'phone'>): string | null {
  return r.phone === null ? null : `\0row\0${r.idNumber}\x1f${r.phone}`;
}

const NO_PHONE_ROW_HASH = '';

export function emptyPrepared(): PreparedRows {
  return {
    rowNos: [],
    names: [],
    sexes: [],
    birthDates: [],
    ethnicities: [],
    idKinds: [],
    idCiphers: [],
    blindIndexes: [],
    idMasked: [],
    phoneCiphers: [],
    hukouRegionCodes: [],
    residenceRegionCodes: [],
    householdNos: [],
    relationsToHead: [],
    rowHashes: [],
  };
}

/** The rows whose position passes keep, in order. */
export function filterPrepared(p: PreparedRows, keep: (i: number) => boolean): PreparedRows {
  const out = emptyPrepared();
  const columns = Object.keys(out) as (keyof PreparedRows)[];
  for (let i = 0; i < p.rowNos.length; i++) {
    if (!keep(i)) continue;
    for (const c of columns) (out[c] as unknown[]).push(p[c][i]);
  }
  return out;
}
