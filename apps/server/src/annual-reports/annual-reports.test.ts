import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, as, type Session, type TestApp } from '../test/app.js';
import { lastAudit, readXlsx } from '../exports/test-xlsx.js';
import { flagOverdueReports } from './index.js';

// Issue 15, annual reports: "保和镇's 2025 report is due 2025-11-30 and turns overdue after it" and
// the township gets a notice; the township writes and submits, the county sends back with a
// reason or accepts; another township sees nothing of it; the summary prints as PDF and DOCX.

let t: TestApp;
const s: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp(200);
  for (const u of ['county', 'township', 'township2', 'leader', 'education']) s[u] = await login(t, u);
  t.clock.set('2025-11-20T02:00:00Z');
});
afterAll(() => t.close());

const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, lang = 'zh-CN') =>
  t.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload }),
    ...as(s[who]!, { 'accept-language': lang }),
  });
const count = async (table: string) =>
  Number((await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);

async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++)
    for (const item of (await (await doc.getPage(n)).getTextContent()).items) if ('str' in item) text += item.str;
  return text;
}

describe('township annual reports', () => {
  let id = 0;

  it('defaults the deadline to 30 November (004 (二十六)) and refuses a date not every year has', async () => {
    const res = await call('county', 'GET', '/api/annual-report-settings');
    expect(res.json()).toMatchObject({ jurisdictionCode: '533423', dueMonthDay: '11-30', isDefault: true });
    expect(res.json().reading).toContain('11 月底前');
    const before = await count('annual_report_settings');
    const bad = await call('county', 'PUT', '/api/annual-report-settings', { dueMonthDay: '02-29' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('每年都有的月日');
    expect(await count('annual_report_settings')).toBe(before);
    const township = await call('township', 'PUT', '/api/annual-report-settings', { dueMonthDay: '12-31' });
    expect(township.statusCode).toBe(403);
  });

  it('opens 2025 for every township with figures frozen; a township cannot open', async () => {
    expect((await call('township', 'POST', '/api/annual-reports/open', { year: 2025 })).statusCode).toBe(403);
    const future = await call('county', 'POST', '/api/annual-reports/open', { year: 2027 }, 'en');
    expect(future.json().message).toContain('after this one');
    const res = await call('county', 'POST', '/api/annual-reports/open', { year: 2025 });
    expect(res.statusCode).toBe(200);
    expect(res.json().opened).toBeGreaterThan(1);
    const again = await call('county', 'POST', '/api/annual-reports/open', { year: 2025 });
    expect(again.json().opened).toBe(0);
    const list = (await call('county', 'GET', '/api/annual-reports?year=2025')).json();
    const baohe = list.rows.find((r: { regionCode: string }) => r.regionCode === '533423101');
    expect(baohe).toMatchObject({ regionName: '保和镇', dueDate: '2025-11-30', status: 'open', overdue: false });
    id = baohe.id;
    const detail = (await call('township', 'GET', `/api/annual-reports/${id}`)).json();
    const registry = detail.figures.groups.find((g: { key: string }) => g.key === 'registry');
    const residents = registry.figures.find((f: { key: string }) => f.key === 'residents').value;
    expect(residents).toBeGreaterThan(0);
    expect(detail.figures.groups.map((g: { key: string }) => g.key)).toEqual(
      expect.arrayContaining(['registry', 'births', 'services', 'benefits']),
    );
    // Frozen: the database refuses to change them.
    await expect(
      t.database.query(`UPDATE annual_reports SET figures = '{}'::jsonb WHERE id = $1`, [id]),
    ).rejects.toThrow(/keeps the figures/);
  });

  it('shows a township only its own report, and no department any', async () => {
    const other = await call('township2', 'GET', '/api/annual-reports?year=2025');
    expect(other.json().rows.map((r: { regionCode: string }) => r.regionCode)).toEqual(['533423102']);
    expect((await call('township2', 'GET', `/api/annual-reports/${id}`)).statusCode).toBe(404);
    expect((await call('township2', 'PUT', `/api/annual-reports/${id}`, { body: '别人的' })).statusCode).toBe(404);
    expect((await call('education', 'GET', '/api/annual-reports?year=2025')).statusCode).toBe(403);
  });

  it('turns overdue after 30 November and notifies the township once', async () => {
    t.clock.set('2025-12-01T02:00:00Z');
    const list = (await call('township', 'GET', '/api/annual-reports?year=2025')).json();
    expect(list.rows[0]).toMatchObject({ id, overdue: true });
    expect(await flagOverdueReports(t.database, '2025-11-30')).toBe(0);
    const flagged = await flagOverdueReports(t.database, '2025-12-01');
    expect(flagged).toBeGreaterThan(1);
    expect(await flagOverdueReports(t.database, '2025-12-02')).toBe(0);
    const notes = await t.database.query<{ body_zh: string; role: string }>(
      `SELECT body_zh, role FROM notifications WHERE topic = 'annualReport.overdue' AND region_code = '533423101'`,
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ role: 'townshipWorker' });
    expect(notes[0]!.body_zh).toContain('2025 年度人口工作报告已逾期');
    const inbox = (await call('township', 'GET', '/api/notifications')).json();
    expect(JSON.stringify(inbox)).toContain('年度人口工作报告已逾期');
  });

  it('refuses an empty submission, then takes the report late; the county sends it back only with a reason', async () => {
    const empty = await call('township', 'POST', `/api/annual-reports/${id}/submit`, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('请填写报告正文');
    const saved = await call('township', 'PUT', `/api/annual-reports/${id}`, { body: '草稿' });
    expect(saved.json()).toMatchObject({ body: '草稿', status: 'open' });
    const sub = await call('township', 'POST', `/api/annual-reports/${id}/submit`, {
      body: '保和镇2025年人口工作情况……',
    });
    expect(sub.json()).toMatchObject({ status: 'submitted', overdue: false, submittedLate: true });
    expect(
      (await call('township', 'POST', `/api/annual-reports/${id}/decision`, { decision: 'accept' })).statusCode,
    ).toBe(403);
    const noReason = await call('county', 'POST', `/api/annual-reports/${id}/decision`, { decision: 'sendBack' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('理由');
    const back = await call('county', 'POST', `/api/annual-reports/${id}/decision`, {
      decision: 'sendBack',
      note: '请补充托育服务情况',
    });
    expect(back.json()).toMatchObject({ status: 'sentBack', decisionNote: '请补充托育服务情况', overdue: true });
    await call('township', 'POST', `/api/annual-reports/${id}/submit`, { body: '保和镇2025年人口工作情况，含托育。' });
    const ok = await call('county', 'POST', `/api/annual-reports/${id}/decision`, { decision: 'accept' });
    expect(ok.json()).toMatchObject({ status: 'accepted', decidedByName: expect.any(String) });
    const actions = await t.database.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'annualReport' AND target_id = $1 ORDER BY seq`,
      [String(id)],
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'annualReport.save',
        'annualReport.submit',
        'annualReport.sendBack',
        'annualReport.accept',
      ]),
    );
  });

  it('exports the list to XLSX, audited', async () => {
    const res = await call('county', 'GET', '/api/annual-reports/export.xlsx?year=2025');
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(expect.arrayContaining(['乡镇', '截止日期', '状态']));
    expect(rows.find((r) => r[1] === '保和镇')).toEqual(expect.arrayContaining(['2025-11-30', '已通过']));
    expect(await lastAudit(t.database, 'annualReport.export')).toMatchObject({
      username: 'county',
      outcome: 'success',
    });
  });

  it("prints the county's summary as a PDF whose text is right and a DOCX that opens", async () => {
    const pdf = await call('leader', 'GET', '/api/annual-summary/pdf?year=2025');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('维西傈僳族自治县2025年度人口工作专题报告');
    expect(text).toContain('乡镇年度报告报送情况');
    expect(text).toContain('保和镇');
    expect(text).toContain('已通过');
    expect(text).toContain('年度指标与目标');
    // The key tasks' status (supervision): 004 annex 2's 31 tasks and their lead units.
    expect(text).toContain('共 31 项重点任务');
    expect(text).toContain('县卫生健康局');
    const docx = await call('county', 'GET', '/api/annual-summary/docx?year=2025');
    expect(docx.statusCode).toBe(200);
    const dir = await mkdtemp(path.join(tmpdir(), 'cradle-docx-'));
    try {
      await writeFile(path.join(dir, 's.docx'), docx.rawPayload);
      const xml = execFileSync('unzip', ['-p', path.join(dir, 's.docx'), 'word/document.xml']).toString('utf8');
      expect(xml).toContain('2025年度人口工作专题报告');
      expect(xml).toContain('保和镇');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(await lastAudit(t.database, 'annualReport.summary')).toMatchObject({ username: 'county' });
    expect((await call('township', 'GET', '/api/annual-summary/pdf?year=2025')).statusCode).toBe(403);
  });
});
