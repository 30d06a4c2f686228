import { createHash } from 'node:crypto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVALUATION_ITEMS } from '@cradle/domain';
import { createTestApp, login, as, type Session, type TestApp } from '../test/app.js';

// Issue 15, the 003 self-evaluation: "the 2025 self-evaluation shows live figures for the items
// Cradle can measure and lists the items without evidence"; scores stay empty until rules load.

let t: TestApp;
const s: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp(200);
  for (const u of ['county', 'township', 'leader', 'education']) s[u] = await login(t, u);
  t.clock.set('2025-12-10T02:00:00Z');
  // A filed institution in 保和镇 with 30 places, 12 children (the childcare module's tables).
  const [owner] = await t.database.query<{ id: number }>(`SELECT id FROM users WHERE username = 'institution'`);
  const [inst] = await t.database.query<{ id: number }>(
    `INSERT INTO childcare_institutions (uscc, region_code, owner_user_id, name, status, filing_no, filed_version)
     VALUES ('91533423MA6TEPT01Y', '533423101001', $1, '测试托育中心', 'filed', 'TY533423T1', 1) RETURNING id`,
    [owner!.id],
  );
  const [filing] = await t.database.query<{ id: number }>(
    `INSERT INTO childcare_filings (institution_id, version, kind, state, region_code, content, received_on, review_deadline,
       submitted_by, submitted_by_name, decided_on, decided_by, decided_by_name)
     VALUES ($1, 1, 'filing', 'filed', '533423101001', '{}'::jsonb, '2025-03-01', '2025-03-07', $2, '经办人', '2025-03-05', $2, '审核人')
     RETURNING id`,
    [inst!.id, owner!.id],
  );
  await t.database.query(
    `INSERT INTO childcare_classes (filing_id, region_code, position, name, age_group, capacity, enrolled, carers)
     VALUES ($1, '533423101001', 1, '托小班', 'youngToddler', 30, 12, 3)`,
    [filing!.id],
  );
});
afterAll(() => t.close());

const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, lang = 'zh-CN') =>
  t.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload }),
    ...as(s[who]!, { 'accept-language': lang }),
  });
type Item = {
  code: string;
  evidence: { id: number; fileName: string }[];
  live: { kind: string; value?: number; numerator?: number; denominator?: number } | null;
  check: string;
};
const item = (view: { dimensions: { items: Item[] }[] }, code: string) =>
  view.dimensions.flatMap((d) => d.items).find((i) => i.code === code)!;
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f3a1f60000000049454e44ae426082',
  'hex',
);
const upload = (who: string, url: string, content: Buffer, name: string) => {
  const boundary = 'cradleboundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    payload: body,
    ...as(s[who]!, { 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': 'zh-CN' }),
  });
};

describe('the fertility-friendly self-evaluation', () => {
  let id = 0;

  it('shows the seven dimensions with live figures before it is opened, and no score', async () => {
    const res = await call('county', 'GET', '/api/self-evaluations?year=2025');
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.dimensions).toHaveLength(7);
    expect(v.dimensions.flatMap((d: { items: unknown[] }) => d.items)).toHaveLength(EVALUATION_ITEMS.length);
    expect(v.id).toBeNull();
    expect(v.score).toBeNull();
    for (const code of ['2.7', '2.8', '2.9']) expect(item(v, code).live?.kind).toMatch(/value|noData/);
    expect(item(v, '2.8').live).toMatchObject({ kind: 'value' });
    expect(['met', 'notMet']).toContain(item(v, '2.8').check);
    const slots = item(v, '3.10').live!;
    expect(slots).toMatchObject({ kind: 'value', numerator: 30 });
    expect(slots.value).toBeCloseTo((30 * 1000) / slots.denominator!, 6);
    // No major incident in 2023–2025 (childcare supervision's log is empty): the item holds.
    expect(item(v, '3.12').live).toEqual({ kind: 'value', value: 0 });
    expect(item(v, '3.12').check).toBe('met');
    // The joint meetings held in the year, from the supervision module's register (none yet).
    expect(item(v, '3.2').live).toEqual({ kind: 'value', value: 0 });
    expect(item(v, '1.1').live).toBeNull();
    expect(item(v, '3.10').check).toBe('unjudged');
  });

  it('fails 近三年无重大安全事故 once a major incident is recorded in the three years, as the safety record does', async () => {
    const [inst] = await t.database.query<{ id: number }>(`SELECT id FROM childcare_institutions LIMIT 1`);
    const [by] = await t.database.query<{ id: number }>(`SELECT id FROM users WHERE username = 'county'`);
    const incident = (on: string, severity: string) =>
      t.database.query(
        `INSERT INTO childcare_incidents (institution_id, region_code, occurred_on, severity, summary, injured, deaths,
           recorded_by, recorded_by_name)
         VALUES ($1, '533423101001', $2, $3, '测试事故', 1, 0, $4, '经办人')`,
        [inst!.id, on, severity, by!.id],
      );
    // A serious (较大) one in 2024 and a major one in 2022 (before the window 2023–2025): still none.
    await incident('2024-05-01', 'serious');
    await incident('2022-12-31', 'major');
    const held = (await call('county', 'GET', '/api/self-evaluations?year=2025')).json();
    expect(item(held, '3.12')).toMatchObject({ live: { kind: 'value', value: 0 }, check: 'met' });
    await incident('2023-01-01', 'major');
    const failed = (await call('county', 'GET', '/api/self-evaluations?year=2025')).json();
    expect(item(failed, '3.12')).toMatchObject({ live: { kind: 'value', value: 1 }, check: 'notMet' });
    const record = (await call('county', 'GET', '/api/childcare/safety-record?year=2025')).json();
    expect(record).toMatchObject({ noMajorIncident: false, majorIncidents: [{ occurredOn: '2023-01-01' }] });
    // 2022's assessment reads 2020–2022: the 2022 major incident fails it too.
    const y2022 = (await call('county', 'GET', '/api/self-evaluations?year=2022')).json();
    expect(item(y2022, '3.12')).toMatchObject({ live: { value: 1 }, check: 'notMet' });
    await t.database.query(`DELETE FROM childcare_incidents`);
  });

  it('opens 2025 and lists every item as without evidence; a leader reads, a township cannot', async () => {
    expect((await call('leader', 'POST', '/api/self-evaluations', { year: 2025 })).statusCode).toBe(403);
    const v = (await call('county', 'POST', '/api/self-evaluations', { year: 2025 })).json();
    id = v.id;
    expect(id).toBeGreaterThan(0);
    expect(v.withoutEvidence).toHaveLength(EVALUATION_ITEMS.length);
    expect((await call('leader', 'GET', '/api/self-evaluations?year=2025')).json().id).toBe(id);
    expect((await call('township', 'GET', '/api/self-evaluations?year=2025')).statusCode).toBe(403);
  });

  it('takes evidence from a department, refusing a file that is not a scan or photo', async () => {
    const count = async () =>
      Number((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM self_evaluation_evidence'))[0]!.n);
    const bad = await upload(
      'education',
      `/api/self-evaluations/${id}/items/4.6/evidence`,
      Buffer.from('hello'),
      'a.txt',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('PDF、JPEG 或 PNG');
    expect(await count()).toBe(0);
    const ok = await upload('education', `/api/self-evaluations/${id}/items/4.6/evidence`, PNG, '均衡发展.png');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().withoutEvidence).not.toContain('4.6');
    expect(ok.json().withoutEvidence).toHaveLength(EVALUATION_ITEMS.length - 1);
    expect(item(ok.json(), '4.6')).toMatchObject({ evidence: [{ fileName: '均衡发展.png', mediaType: 'image/png' }] });
  });

  it('gives the evidence back as uploaded to the county’s readers, audited, and to no one else', async () => {
    const v = (await call('leader', 'GET', '/api/self-evaluations?year=2025')).json();
    const [file] = item(v, '4.6').evidence;
    const url = `/api/self-evaluations/${id}/evidence/${file!.id}`;
    const res = await call('leader', 'GET', url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('均衡发展.png'));
    expect(res.rawPayload.equals(PNG)).toBe(true);
    const [audit] = await t.database.query<{ username: string; details: { sha256: string; item: string } }>(
      `SELECT username, details FROM audit_log WHERE action = 'selfEvaluation.downloadEvidence' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({ username: 'leader', details: { item: '4.6' } });
    expect(audit!.details.sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
    // A township is not a reader; an evidence id of another assessment is not found.
    expect((await call('township', 'GET', url)).statusCode).toBe(403);
    const wrong = await call('county', 'GET', `/api/self-evaluations/${id + 1}/evidence/${file!.id}`);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().message).toContain('找不到');
  });

  it('takes survey tallies and a ranking only where the item asks, and refuses impossible ones', async () => {
    const survey = await call('county', 'PUT', `/api/self-evaluations/${id}/items/7.4`, {
      surveyRespondents: 200,
      surveyPositive: 180,
    });
    expect(item(survey.json(), '7.4')).toMatchObject({ surveyRate: 0.9 });
    const over = await call('county', 'PUT', `/api/self-evaluations/${id}/items/7.5`, {
      surveyRespondents: 10,
      surveyPositive: 11,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().code).toBe('selfEvaluation.survey');
    const wrong = await call('county', 'PUT', `/api/self-evaluations/${id}/items/1.1`, { ranking: '第 3 名' });
    expect(wrong.json().code).toBe('selfEvaluation.notRelative');
    const ranking = await call('county', 'PUT', `/api/self-evaluations/${id}/items/3.10`, {
      ranking: '全区第 5 名',
      unitKey: 'county.health',
    });
    expect(item(ranking.json(), '3.10')).toMatchObject({ ranking: '全区第 5 名', unitKey: 'county.health' });
    expect(
      (await call('education', 'PUT', `/api/self-evaluations/${id}/items/3.10`, { ranking: 'x' })).statusCode,
    ).toBe(403);
  });

  it('prints a PDF that says it is not scored while no rules are loaded', async () => {
    const res = await call('leader', 'GET', `/api/self-evaluations/${id}/report.pdf`);
    expect(res.statusCode).toBe(200);
    const doc = await getDocument({ data: new Uint8Array(res.rawPayload), verbosity: 0 }).promise;
    let text = '';
    for (let n = 1; n <= doc.numPages; n++)
      for (const i of (await (await doc.getPage(n)).getTextContent()).items) if ('str' in i) text += i.str;
    expect(text).toContain('2025年度生育友好工作自评');
    expect(text).toContain('托育服务发展领先');
    expect(text).toContain('未载入评分细则，不计分');
    // Every measured item now has its source: 3.12 reads childcare supervision's incident log.
    expect(text).toContain('近三年无重大安全事故发生');
    expect(text).not.toContain('暂无数据来源');
    expect(text).toContain('缺少佐证材料的评估项');
  });

  it('turns the gaps with a unit into key tasks led by that unit, once', async () => {
    await call('county', 'PUT', `/api/self-evaluations/${id}/items/4.6`, { unitKey: 'county.education' });
    const res = await call('county', 'POST', `/api/self-evaluations/${id}/rectification`);
    expect(res.statusCode).toBe(200);
    // 3.10 has a unit and no evidence; 4.6 has evidence; the rest have no unit.
    expect(res.json().created).toBe(1);
    const [task] = await t.database.query<{ source: string; text: string; due_on: string; unit: string; role: string }>(
      `SELECT t.source, t.text, t.due_on::text AS due_on, u.name AS unit, tu.role FROM supervision_tasks t
         JOIN supervision_task_units tu ON tu.task_id = t.id JOIN supervision_units u ON u.id = tu.unit_id
        WHERE t.id = $1`,
      [res.json().taskIds[0]],
    );
    expect(task).toMatchObject({ source: 'selfEvaluation', due_on: '2026-12-31', unit: '县卫生健康局', role: 'lead' });
    expect(task!.text).toContain('千人口托位数');
    const again = await call('county', 'POST', `/api/self-evaluations/${id}/rectification`);
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('selfEvaluation.noGaps');
  });

  it('refuses points until rules are loaded, then scores against them', async () => {
    const early = await call('county', 'PUT', `/api/self-evaluations/${id}/items/2.7`, { awardedPoints: 3 });
    expect(early.json().code).toBe('selfEvaluation.noRules');
    const badRule = await call('county', 'PUT', '/api/self-evaluation-scoring', {
      source: '测试细则',
      rules: [{ itemCode: '9.9', maxPoints: 5 }],
    });
    expect(badRule.statusCode).toBe(400);
    await call('county', 'PUT', '/api/self-evaluation-scoring', {
      source: '测试细则',
      rules: [
        { itemCode: '2.7', maxPoints: 5 },
        { itemCode: '2.8', maxPoints: 5 },
      ],
    });
    const over = await call('county', 'PUT', `/api/self-evaluations/${id}/items/2.7`, { awardedPoints: 6 });
    expect(over.json().code).toBe('selfEvaluation.pointsOver');
    const ok = await call('county', 'PUT', `/api/self-evaluations/${id}/items/2.7`, { awardedPoints: 4 });
    expect(ok.json().score).toEqual({ awarded: 4, available: 10, unscored: 1 });
    const actions = await t.database.query<{ action: string }>(
      `SELECT DISTINCT action FROM audit_log WHERE action LIKE 'selfEvaluation.%'`,
    );
    expect(actions.map((a) => a.action).sort()).toEqual(
      expect.arrayContaining([
        'selfEvaluation.open',
        'selfEvaluation.updateItem',
        'selfEvaluation.uploadEvidence',
        'selfEvaluation.print',
        'selfEvaluation.loadRules',
        'selfEvaluation.rectify',
      ]),
    );
  });
});
