import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyTaskDetail, KeyTaskList, MeetingList, MeetingView, UnitList } from '@cradle/contract';
import { createTestApp, login, as, multipartFile, type Session, type TestApp } from '../test/app.js';

// Issue 15 (plan supervision), REQUIREMENTS C3 "Done when": the county sees 004's 31 tasks with
// their co-leads; the education bureau's liaison sees its tasks as lead, support and member of the
// joint meeting, reports #18 with a photo, and the office accepts it; a report for another unit's
// task, a milestone after the plan's end and an empty decision are refused and change nothing; a
// meeting's decision becomes its owners' task. Every write audited.

// A 1×1 PNG: the evidence photo.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let t: TestApp;
let county: Session;
let liaison: Session;
let police: Session;
let leader: Session;

const post = (s: Session, url: string, payload?: object, lang = 'zh-CN') =>
  t.app.inject({ method: 'POST', url, ...(payload ? { payload } : {}), ...as(s, { 'accept-language': lang }) });
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(s) });
const count = async (table: string) =>
  Number((await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
const audited = async (action: string) =>
  t.database.query<{ target_id: string }>('SELECT target_id FROM audit_log WHERE action = $1 ORDER BY seq', [action]);
const tasksOf = async (s: Session) => {
  const res = await get(s, '/api/supervision/tasks');
  expect(res.statusCode).toBe(200);
  return res.json<KeyTaskList>();
};
const byNumber = (l: KeyTaskList, n: number) => l.items.find((x) => x.number === n)!;

beforeAll(async () => {
  t = await createTestApp(200);
  t.clock.set('2026-12-07T02:00:00Z');
  county = await login(t, 'county');
  liaison = await login(t, 'liaison');
  police = await login(t, 'police');
  leader = await login(t, 'leader');
});
afterAll(() => t.close());

describe('the directory and 004 annex 2 as loaded', () => {
  it('lists 32 members, the convener and two deputies, with aliases and liaisons', async () => {
    const res = await get(county, '/api/supervision/units');
    expect(res.statusCode).toBe(200);
    const { items } = res.json<UnitList>();
    const seats = items.flatMap((u) => u.seats);
    expect(seats.filter((s) => s.position === 'member')).toHaveLength(32);
    expect(seats.filter((s) => s.position === 'deputyConvener')).toHaveLength(2);
    const edu = items.find((u) => u.key === 'county.education')!;
    expect(edu.aliases).toContain('县教体局');
    expect(edu.liaisons.map((l) => l.displayName)).toContain('县教育体育局 联络员');
    expect(items.filter((u) => u.kind === 'township').length).toBeGreaterThan(5);
  });

  it('shows the county 31 tasks, #13 with three co-leads and #31 with townships only', async () => {
    const list = await tasksOf(county);
    expect(list.items.filter((x) => x.source === 'plan')).toHaveLength(31);
    expect(byNumber(list, 13).leads.map((u) => u.name)).toEqual(['县卫生健康局', '县发展和改革局', '县财政局']);
    const last = byNumber(list, 31);
    expect(last.leads).toEqual([]);
    expect(last.responsibility).toBe('各乡(镇)党委、政府落实');
    expect(last.implementing.every((u) => u.viaGroup === '各乡(镇)党委、政府')).toBe(true);
    expect(byNumber(list, 6).supports.find((u) => u.name === '县教育体育局')!.writtenAs).toBe('县教体局');
    // Read in December 2026: every task due by the plan's end (2025-12-31) is overdue.
    expect(byNumber(list, 18).status).toBe('overdue');
    expect(byNumber(list, 31).dueOn).toBe('2026-11-30');
  });

  it('shows the education liaison its tasks only, by role', async () => {
    const list = await tasksOf(liaison);
    expect(list.myUnits.map((u) => u.name)).toEqual(['县教育体育局']);
    const role = (r: string) => list.items.filter((x) => x.myRoles.includes(r as never)).map((x) => x.number);
    expect(role('lead')).toEqual([1, 12, 18, 19]);
    expect(role('support')).toEqual([3, 4, 6, 11, 14, 15, 17, 18, 22, 24, 26, 27, 28, 29]);
    expect(list.items).toHaveLength(17);
    const other = byNumber(await tasksOf(county), 7);
    expect((await get(liaison, `/api/supervision/tasks/${other.id}`)).statusCode).toBe(404);
  });
});

describe('progress reports and their review', () => {
  it('refuses a report for another unit’s task and writes nothing', async () => {
    const t7 = byNumber(await tasksOf(county), 7);
    const units = (await get(county, '/api/supervision/units')).json<UnitList>().items;
    const edu = units.find((u) => u.key === 'county.education')!;
    const before = await count('supervision_reports');
    const body = { unitId: edu.id, period: '2025', text: '已完成', figures: [], completes: false, evidenceIds: [] };
    const res = await post(liaison, `/api/supervision/tasks/${t7.id}/reports`, body);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('只能报告本单位承担的任务');
    const t18 = byNumber(await tasksOf(county), 18);
    const publicSecurity = units.find((u) => u.key === 'county.publicSecurity')!;
    const asPolice = await post(police, `/api/supervision/tasks/${t18.id}/reports`, { ...body, unitId: edu.id });
    expect(asPolice.statusCode).toBe(403);
    expect(publicSecurity.liaisons.length).toBeGreaterThan(0);
    expect(await count('supervision_reports')).toBe(before);
  });

  it('takes #18 with a photo from the liaison; the office accepts it and the task is done', async () => {
    const upload = multipartFile('幼儿园.png', PNG);
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/supervision/evidence',
      payload: upload.payload,
      ...as(liaison, upload.headers),
    });
    expect(up.statusCode).toBe(200);
    const t18 = byNumber(await tasksOf(liaison), 18);
    const units = (await get(county, '/api/supervision/units')).json<UnitList>().items;
    const edu = units.find((u) => u.key === 'county.education')!;
    const res = await post(liaison, `/api/supervision/tasks/${t18.id}/reports`, {
      unitId: edu.id,
      period: '2025',
      text: '新增普惠性幼儿园2所,延时托管服务覆盖全部公办园。',
      figures: [{ label: '普惠性幼儿园覆盖率(%)', value: '92.5' }],
      completes: true,
      evidenceIds: [up.json().id],
    });
    expect(res.statusCode).toBe(200);
    const report = res.json<KeyTaskDetail>().reports[0]!;
    expect(report.evidence.map((e) => e.fileName)).toEqual(['幼儿园.png']);
    const accepted = await post(county, `/api/supervision/reports/${report.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<KeyTaskDetail>().task.status).toBe('done');
    expect((await post(county, `/api/supervision/reports/${report.id}/accept`)).statusCode).toBe(409);
    expect(await audited('supervision.submitReport')).toHaveLength(1);
    expect(await audited('supervision.acceptReport')).toHaveLength(1);

    // The office opens the photo it accepted, as do the leader and the liaison; another unit's
    // liaison does not. Each opening is audited with the file's digest.
    const file = `/api/supervision/evidence/${up.json().id}`;
    for (const s of [county, leader, liaison]) {
      const got = await get(s, file);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.rawPayload.equals(PNG)).toBe(true);
    }
    expect((await get(police, file)).statusCode).toBe(404);
    const opened = await t.database.query<{ username: string; details: { sha256: string } }>(
      "SELECT username, details FROM audit_log WHERE action = 'supervision.downloadEvidence' ORDER BY seq",
    );
    expect(opened.map((o) => o.username)).toEqual(['county', 'leader', 'liaison']);
    expect(opened[0]!.details.sha256).toBe(up.json().sha256);
  });

  it('refuses a milestone after the plan’s end and writes nothing; takes one before it', async () => {
    const t12 = byNumber(await tasksOf(county), 12);
    const late = await post(
      county,
      `/api/supervision/tasks/${t12.id}/milestones`,
      { title: '完成托班设置', dueOn: '2026-06-30' },
      'en',
    );
    expect(late.statusCode).toBe(400);
    expect(late.json().message).toContain('after the plan’s end');
    expect(await count('supervision_milestones')).toBe(0);
    const ok = await post(county, `/api/supervision/tasks/${t12.id}/milestones`, {
      title: '完成托班设置',
      dueOn: '2025-06-30',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<KeyTaskDetail>().milestones).toHaveLength(1);
  });

  it('sends a supervision notice to a late unit’s liaisons through the outbox', async () => {
    const t12 = byNumber(await tasksOf(county), 12);
    const edu = t12.leads.find((u) => u.name === '县教育体育局')!;
    const res = await post(county, `/api/supervision/tasks/${t12.id}/notices`, {
      unitId: edu.unitId,
      note: '请于月底前报送进展',
    });
    expect(res.statusCode).toBe(200);
    const sent = await t.database.query<{ department: string; body_zh: string }>(
      "SELECT department, body_zh FROM notifications WHERE topic = 'supervision.notice'",
    );
    expect(sent).toEqual([{ department: 'education', body_zh: expect.stringContaining('督办通知') }]);
  });

  it('shows the board by unit and section to readers, not to liaisons', async () => {
    const res = await get(leader, '/api/supervision/board?by=section');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ rows: { total: number }[] }>().rows.reduce((s, r) => s + r.total, 0)).toBe(31);
    expect((await get(liaison, '/api/supervision/board?by=unit')).statusCode).toBe(403);
    const xlsx = await get(county, '/api/supervision/tasks/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('the directory’s history and the scorecard link', () => {
  it('files a seat change and keeps the old seat as history', async () => {
    const units = (await get(county, '/api/supervision/units')).json<UnitList>().items;
    const edu = units.find((u) => u.key === 'county.education')!;
    const res = await post(county, `/api/supervision/units/${edu.id}/seats`, {
      position: 'member',
      post: '局长',
      sinceOn: '2026-09-01',
      note: '原成员岗位调整,由局长递补',
    });
    expect(res.statusCode).toBe(200);
    const seats = res.json<UnitList['items'][number]>().seats;
    expect(seats.map((x) => [x.post, x.untilOn])).toEqual([
      ['副局长', '2026-08-31'],
      ['局长', null],
    ]);
    expect(await audited('supervision.changeSeat')).toEqual([{ target_id: String(edu.id) }]);
  });

  it('links #13 to the slots-per-1,000 target and shows its live value; refuses an unknown one', async () => {
    const t13 = byNumber(await tasksOf(county), 13);
    const bad = await post(county, `/api/supervision/tasks/${t13.id}/indicator`, { indicator: 'noSuchIndicator' });
    expect(bad.statusCode).toBe(400);
    const res = await post(county, `/api/supervision/tasks/${t13.id}/indicator`, { indicator: 'slotsPer1000' });
    expect(res.statusCode).toBe(200);
    const d = res.json<KeyTaskDetail>();
    expect(d.indicator).toMatchObject({ code: 'slotsPer1000', target: '每千常住人口婴幼儿托位达到 4.5 个以上' });
    expect(d.indicatorChoices.map((c) => c.code)).toContain('slotsPer1000');
  });
});

describe('the joint meeting', () => {
  it('refuses an empty decision and writes nothing', async () => {
    const before = await count('supervision_meetings');
    const res = await post(county, '/api/supervision/meetings', {
      kind: 'plenary',
      title: '2026年全体会议',
      heldOn: '2026-12-01',
      chair: '副县长',
      minutes: '会议听取了各成员单位工作汇报。',
      signedBy: '副县长',
      attendeeUnitIds: [],
      decisions: [{ text: ' ', ownerUnitIds: [], dueOn: '2026-12-31' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('议定事项');
    expect(await count('supervision_meetings')).toBe(before);
  });

  it('records a plenary meeting whose three decisions become their owners’ tasks', async () => {
    const units = (await get(county, '/api/supervision/units')).json<UnitList>().items;
    const id = (key: string) => units.find((u) => u.key === key)!.id;
    const before = (await get(county, '/api/supervision/meetings')).json<MeetingList>();
    expect(before.yearly.find((y) => y.year === 2026)!.met).toBe(false);
    const res = await post(county, '/api/supervision/meetings', {
      kind: 'plenary',
      title: '2026年全体会议',
      heldOn: '2026-12-01',
      chair: '副县长',
      minutes: '会议听取了各成员单位工作汇报,研究部署下一步工作。',
      signedBy: '副县长',
      attendeeUnitIds: units.filter((u) => u.seats.length).map((u) => u.id),
      decisions: [
        {
          text: '制定三孩教育补贴实施细则',
          ownerUnitIds: [id('county.education'), id('county.finance')],
          dueOn: '2027-03-31',
        },
        { text: '开展托育机构安全专项检查', ownerUnitIds: [id('county.health')], dueOn: '2027-01-31' },
        { text: '完善出生人口信息共享机制', ownerUnitIds: [id('county.publicSecurity')], dueOn: '2027-02-28' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const meeting = res.json<MeetingView>();
    expect(meeting.decisionTaskIds).toHaveLength(3);
    const mine = await tasksOf(liaison);
    const decision = mine.items.find((x) => x.meetingId === meeting.id)!;
    expect(decision.text).toBe('制定三孩教育补贴实施细则');
    expect(decision.myRoles).toEqual(['lead']);
    expect(decision.status).toBe('onTrack');
    const after = (await get(county, '/api/supervision/meetings')).json<MeetingList>();
    expect(after.yearly.find((y) => y.year === 2026)!.met).toBe(true);
    expect(await audited('supervision.recordMeeting')).toEqual([{ target_id: String(meeting.id) }]);
  });
});
