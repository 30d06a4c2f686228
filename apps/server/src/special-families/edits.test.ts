import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, as, type Session, type TestApp } from '../test/app.js';
import { createRecordingSms } from '../test/sms.js';
import { createJobRunner } from '../jobs/index.js';
import { smsKind } from '../jobs/kinds/index.js';
import { SMS_KIND } from '../notifications/index.js';
import { flagOverdueVisits } from './index.js';
import { insertTestFamily } from './test-family.js';

// Changes after the proposal (issue 16): needs and contacts, by the township or the county only,
// each audited with before and after; a contact without an account hears of an overdue visit by SMS.

let t: TestApp;
const s: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp(100);
  for (const u of ['county', 'township', 'township2', 'village']) s[u] = await login(t, u);
});
afterAll(() => t.close());

const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, ...(payload === undefined ? {} : { payload }), ...as(s[who]!) });
const auditOf = async (action: string) =>
  (
    await t.database.query<{ details: Record<string, unknown> }>(
      'SELECT details FROM audit_log WHERE action = $1 ORDER BY seq DESC LIMIT 1',
      [action],
    )
  )[0]?.details;
const contactsCount = async () =>
  Number((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM special_family_contacts'))[0]!.n);

describe('changing a file after its proposal', () => {
  let id = 0;
  let doctorId = 0;

  beforeAll(async () => {
    const fam = await insertTestFamily(t, '改档', [{ birthDate: '1995-01-02', deathDate: '2024-03-04' }]);
    const res = await call('township', 'POST', '/api/special-families', {
      childIdNumber: fam.children[0]!.idNumber,
      kind: 'bereaved',
      eventDate: '2024-03-04',
      needs: ['elderly'],
      contacts: [
        { role: 'worker', name: '熊梅', username: 'village' },
        { role: 'doctor', name: '王医生', phone: '13800002222' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    id = res.json<{ id: number }>().id;
    doctorId = res.json<{ contacts: { id: number; role: string }[] }>().contacts.find((c) => c.role === 'doctor')!.id;
  });

  it('changes the needs, audited with the old and the new; a village worker may not', async () => {
    const res = await call('township', 'PUT', `/api/special-families/${id}/needs`, {
      needs: ['elderly', 'livingAlone', 'livingAlone'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().needs).toEqual(['elderly', 'livingAlone']);
    expect(await auditOf('specialFamily.needs')).toEqual({ before: ['elderly'], after: ['elderly', 'livingAlone'] });
    expect((await call('village', 'PUT', `/api/special-families/${id}/needs`, { needs: [] })).statusCode).toBe(403);
    const bad = await call('county', 'PUT', `/api/special-families/${id}/needs`, { needs: ['rich'] });
    expect(bad.statusCode).toBe(400);
    expect((await call('county', 'GET', `/api/special-families/${id}`)).json().needs).toEqual([
      'elderly',
      'livingAlone',
    ]);
    // Another township does not reach it.
    expect((await call('township2', 'PUT', `/api/special-families/${id}/needs`, { needs: [] })).statusCode).toBe(404);
  });

  it('refuses to let the only doctor leave, then replaces the doctor: add first, end second', async () => {
    const before = await contactsCount();
    const alone = await call('township', 'POST', `/api/special-families/${id}/contacts/${doctorId}/end`, {});
    expect(alone.statusCode).toBe(400);
    expect(alone.json().message).toContain('家庭医生');
    expect(await contactsCount()).toBe(before);
    const added = await call('county', 'POST', `/api/special-families/${id}/contacts`, {
      role: 'doctor',
      name: '李医生',
      phone: '13900003333',
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(await auditOf('specialFamily.contactAdd')).toMatchObject({
      added: { role: 'doctor', name: '李医生', hasAccount: false },
    });
    const ended = await call('township', 'POST', `/api/special-families/${id}/contacts/${doctorId}/end`, {
      note: '调离',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().contacts.map((c: { name: string }) => c.name)).toEqual(['熊梅', '李医生']);
    expect(await auditOf('specialFamily.contactEnd')).toEqual({
      before: { id: doctorId, role: 'doctor', name: '王医生' },
      note: '调离',
    });
    // Kept with the day they left: the contacts' history.
    const [gone] = await t.database.query<{ ended_at: Date | null }>(
      'SELECT ended_at FROM special_family_contacts WHERE id = $1',
      [doctorId],
    );
    expect(gone!.ended_at).not.toBeNull();
    // An account outside the family's township is refused, nothing written.
    const n = await contactsCount();
    const wrong = await call('township', 'POST', `/api/special-families/${id}/contacts`, {
      role: 'worker',
      name: '外乡',
      username: 'township2',
    });
    expect(wrong.statusCode).toBe(400);
    expect(await contactsCount()).toBe(n);
  });

  it('texts a contact without an account when a visit goes overdue, through the SMS sender', async () => {
    expect((await call('county', 'POST', `/api/special-families/${id}/confirm`, {})).statusCode).toBe(200);
    await t.database.query(
      'UPDATE special_family_visits SET due_date = current_date - 2 WHERE file_id = $1 AND visit_date IS NULL',
      [id],
    );
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(await flagOverdueVisits(t.database, tomorrow)).toBeGreaterThanOrEqual(1);
    const sms = createRecordingSms();
    const silent = { warn: () => undefined, error: () => undefined };
    const runner = createJobRunner({ database: t.database, log: silent }).register(smsKind(t.keys, sms, silent));
    await runner.drain(SMS_KIND);
    await runner.stop();
    // The new doctor (no account) by text; the one who left, no longer.
    expect(sms.messages.map((m) => m.phone)).toEqual(['13900003333']);
    expect(sms.messages[0]!.text).toContain(`特殊家庭档案 ${id} 的走访已逾期`);
  });
});
