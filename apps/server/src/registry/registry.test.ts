import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdNumber } from '@cradle/domain';
import { createTestApp, login, as, type TestApp, type Session } from '../test/app.js';

let t: TestApp;
let county: Session;
beforeAll(async () => {
  t = await createTestApp(3000);
  county = await login(t, 'county');
});
afterAll(() => t.close());

const get = (url: string, s = county) => t.app.inject({ method: 'GET', url, ...as(s) });

describe('person search and detail', () => {
  it('pages through the jurisdiction with masked ID numbers only', async () => {
    const res = await get('/api/persons?pageSize=50');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(2500);
    expect(body.items).toHaveLength(50);
    for (const p of body.items) {
      expect(p.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      // A birth date next to the mask would fill in the masked digits.
      expect(p).not.toHaveProperty('birthDate');
    }
    expect(res.body).not.toMatch(/\d{17}[\dX]/);
  });

  it('finds a person by exact ID number and audits the look-up', async () => {
    const someone = (await get('/api/persons?pageSize=1')).json().items[0];
    const reveal = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${someone.id}/reveal`,
      payload: { reason: '核对户籍信息' },
      ...as(county),
    });
    expect(reveal.statusCode).toBe(200);
    const full = reveal.json().idNumber as string;
    const parsed = parseIdNumber(full);
    const detail = (await get(`/api/persons/${someone.id}`)).json();
    expect(parsed.ok && parsed.value.birthDate).toBe(detail.birthDate);
    const found = (await get(`/api/persons?idNumber=${full.toLowerCase()}`)).json();
    expect(found.items.map((p: { id: number }) => p.id)).toEqual([someone.id]);
    const audit = await t.database.query<{ action: string; details: unknown }>(
      "SELECT action, details FROM audit_log WHERE target_id = $1 AND action IN ('registry.revealIdNumber', 'registry.searchByIdNumber') ORDER BY seq",
      [String(someone.id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['registry.revealIdNumber', 'registry.searchByIdNumber']);
    expect(audit[0]!.details).toEqual({ reason: '核对户籍信息' });
  });

  it('explains a malformed ID number in the search instead of finding nothing', async () => {
    const res = await get('/api/persons?idNumber=533423198801159012');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/校验位/);
  });

  it('shows a child’s household, parents and parity', async () => {
    const rows = await t.database.query<{ id: number }>(
      "SELECT p.id FROM persons p JOIN relationships r ON r.to_person_id = p.id AND r.kind = 'mother' WHERE p.parity = 2 AND p.household_id IS NOT NULL LIMIT 1",
    );
    const detail = (await get(`/api/persons/${rows[0]!.id}`)).json();
    expect(detail.parity).toBe(2);
    expect(detail.household.members.length).toBeGreaterThan(1);
    const kinds = detail.relationships.map((r: { kind: string }) => r.kind);
    expect(kinds).toContain('mother');
    const mother = detail.relationships.find((r: { kind: string }) => r.kind === 'mother').person;
    const motherDetail = (await get(`/api/persons/${mother.id}`)).json();
    const children = motherDetail.relationships
      .filter((r: { kind: string }) => r.kind === 'child')
      .map((r: { person: { parity: number } }) => r.person.parity);
    expect(children.slice(0, 2)).toEqual([1, 2]);
  });

  it('rejects a bad page size with a clear message and changes nothing', async () => {
    const res = await get('/api/persons?pageSize=100000');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('request.invalid');
  });
});

describe('dashboard', () => {
  it('sums the drill-down rows to the jurisdiction totals', async () => {
    const d = (await get('/api/dashboard')).json();
    expect(d.region).toMatchObject({ code: '533423', level: 'county' });
    expect(d.children).toHaveLength(10);
    expect(d.children.reduce((s: number, c: { population: number }) => s + c.population, 0)).toBe(d.population.total);
    const births = d.birthsByYear.reduce((s: number, b: { total: number }) => s + b.total, 0);
    expect(d.children.reduce((s: number, c: { births: number }) => s + c.births, 0)).toBe(births);
    expect((d.sexRatioAtBirth.male as number) + (d.sexRatioAtBirth.female as number)).toBe(births);
    expect(d.pyramid.reduce((s: number, g: { male: number; female: number }) => s + g.male + g.female, 0)).toBe(
      d.population.total,
    );
    expect(d.quality.coverage).toBeGreaterThan(0.9);
    expect(d.quality.accuracy).toBeGreaterThan(0.9);
    expect(d.quality.targets).toEqual({ coverage: 0.95, accuracy: 0.95, timeliness: 0.9 });
    const township = (await get(`/api/dashboard?region=${d.children[0].code}`)).json();
    expect(township.population.total).toBe(d.children[0].population);
    expect(township.path.map((r: { code: string }) => r.code)).toEqual(['533423', d.children[0].code]); // breadcrumbs start at the user's jurisdiction
  });

  it('refuses a region outside the user’s jurisdiction', async () => {
    const township = await login(t, 'township');
    const res = await get('/api/dashboard?region=533423102', township);
    expect(res.statusCode).toBe(403);
  });
});
