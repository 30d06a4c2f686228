import { expect } from 'vitest';
import { computeIdCheckCharacter } from '@cradle/domain';
import type { TestApp } from '../test/app.js';
import { pickTestMother, type TestMother } from '../test/family.js';
import { asResident, residentSignIn, type ResidentSession } from '../test/resident.js';

// Shared by this folder's tests (and portal/attachments.test.ts).

/** A valid ID number from region (6), birth date (YYYYMMDD) and sequence (3; odd male, even female). */
export function idOf(region: string, date: string, sequence: string): string {
  const first17 = region + date + sequence;
  return first17 + computeIdCheckCharacter(first17);
}

/** A Beijing number no 维西 registry holds: a family whose hukou is elsewhere (cross-province). */
export const UNKNOWN_MOTHER_ID = idOf('110101', '19940315', '128');
export const UNKNOWN_FATHER_ID = idOf('110101', '19920708', '131');
export const COMMITMENT = { accepted: true, statement: '本人承诺所填生育状况真实，如有不实愿承担相应责任。' };

/**
 * A registry mother (one child, older than a year, so a new birth is no "same birth"), her
 * resident account bound to her record. `n` picks a different mother for each test.
 */
export async function boundMother(
  t: TestApp,
  phone: string,
  n: number,
): Promise<{ mother: TestMother; r: ResidentSession }> {
  for (let offset = n * 5; ; offset++) {
    const mother = await pickTestMother(t, phone, offset);
    const [c] = await t.database.query<{ youngest: string }>(
      "SELECT max(c.birth_date)::text AS youngest FROM relationships r JOIN persons c ON c.id = r.to_person_id WHERE r.kind = 'mother' AND r.from_person_id = $1",
      [mother.personId],
    );
    if (c!.youngest > '2025-06-01') {
      await t.database.query('UPDATE persons SET phone_cipher = NULL WHERE id = $1', [mother.personId]);
      continue;
    }
    const r = await residentSignIn(t, phone);
    // A fresh client address: binding is limited to 5 a minute per address.
    const remoteAddress = `10.3.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const bound = await t.app.inject({
      method: 'POST',
      url: '/api/portal/binding',
      remoteAddress,
      ...asResident(r),
      payload: { name: mother.name, idNumber: mother.idNumber },
    });
    expect(bound.statusCode).toBe(200);
    return { mother, r };
  }
}

/** The first village of a township: where a test family says it lives. */
export async function villageOf(t: TestApp, township: string): Promise<string> {
  const [row] = await t.database.query<{ code: string }>(
    'SELECT code FROM regions WHERE level = 5 AND code LIKE $1 ORDER BY code LIMIT 1',
    [`${township}%`],
  );
  return row!.code;
}

/** A date `days` from today in China, as the server reckons it. */
export function chinaDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Out of wedlock, a pregnancy, a mother the registry does not know: the smallest valid form. */
export function declaredForm(residenceRegionCode: string, over: Record<string, unknown> = {}) {
  return {
    mother: { name: '李梅', idNumber: UNKNOWN_MOTHER_ID, phone: '13911112222' },
    father: null,
    married: false,
    residenceRegionCode,
    childStatus: 'pregnant',
    expectedBirthDate: chinaDay(120),
    commitment: COMMITMENT,
    ...over,
  };
}

export async function submit(t: TestApp, r: ResidentSession, payload: object, lang = 'zh-CN') {
  return t.app.inject({
    method: 'POST',
    url: '/api/portal/childbirth-registrations',
    ...asResident(r, { 'accept-language': lang }),
    payload,
  });
}

/** Waits for the dispatcher (kicked after the commit) to hand an SMS to the recording sender. */
export async function smsTo(t: TestApp, phone: string, contains: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const m = t.sms.messages.find((x) => x.phone === phone && x.text.includes(contains));
    if (m) return m.text;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no SMS to ${phone} containing ${contains}`);
}

export const count = async (t: TestApp, sql: string, params: unknown[] = []) =>
  Number((await t.database.query<{ n: number }>(sql, params))[0]!.n);

/** A multipart/form-data body: the fields first, then one file, as the portal's form sends them. */
export function multipartWith(fields: Record<string, string>, fileName: string, content: Buffer) {
  const boundary = `----cradle${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  const head = `${parts}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
