import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { asResident, residentSignIn } from '../test/resident.js';
import { createJobRunner } from '../jobs/index.js';
import { smsKind } from '../jobs/kinds/index.js';
import { SMS_KIND, smsSenderFromConfig, type SmsSender } from './sms.js';
import { enqueueNotifications } from './outbox.js';
import { createPhoneCodeProvider } from '../portal/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(200);
});
afterAll(async () => t?.close());

const silent = { warn: () => undefined, error: () => undefined };

/** The job runner with the outbox's kind only, driven the way the old dispatcher was. */
function createNotificationDispatcher(database: Database, keys: TestApp['keys'], sms: SmsSender, log: typeof silent) {
  const runner = createJobRunner({ database, log }).register(smsKind(keys, sms, log));
  return { runOnce: () => runner.drain(SMS_KIND), kick: () => runner.kick(SMS_KIND), stop: () => runner.stop() };
}

/** Polls for what the dispatcher does on its own timer; fails after a few seconds. */
async function until(probe: () => Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const smsFor = (residentId: number, zh: string) => ({
  recipient: { residentId },
  regionCode: '533423101',
  channels: ['sms' as const],
  topic: 'test',
  body: { zh, en: zh },
});
const unsent = async (residentId: number) =>
  (
    await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM notifications WHERE resident_id = $1 AND status <> 'sent'",
      [residentId],
    )
  )[0]!.n;

describe('notification outbox', () => {
  it('keeps nothing when the transaction that wrote it rolls back', async () => {
    const r = await residentSignIn(t, '13700000001');
    await expect(
      t.database.transaction(async (tx) => {
        await enqueueNotifications(tx, [
          {
            recipient: { residentId: r.residentId },
            regionCode: '533423101',
            channels: ['inApp', 'sms'],
            topic: 'test',
            body: { zh: '回滚', en: 'rolled back' },
          },
        ]);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const [row] = await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notifications WHERE resident_id = $1',
      [r.residentId],
    );
    expect(row!.n).toBe(0);
  });

  it('shows in-app messages to their resident only, and sends the SMS once', async () => {
    const a = await residentSignIn(t, '13700000002');
    const b = await residentSignIn(t, '13700000003');
    await t.database.transaction((tx) =>
      enqueueNotifications(tx, [
        {
          recipient: { residentId: a.residentId },
          regionCode: '533423101',
          channels: ['inApp', 'sms'],
          topic: 'test',
          body: { zh: '您的登记已办结', en: 'Your registration is complete' },
        },
      ]),
    );
    const mine = await t.app.inject({ method: 'GET', url: '/api/portal/notifications', ...asResident(a) });
    expect(mine.json().items.map((n: { body: string }) => n.body)).toEqual(['您的登记已办结']);
    const theirs = await t.app.inject({ method: 'GET', url: '/api/portal/notifications', ...asResident(b) });
    expect(theirs.json().items).toEqual([]);
    const id = mine.json().items[0].id;
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/portal/notifications/${id}/read`, ...asResident(b) }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/portal/notifications/${id}/read`, ...asResident(a) }))
        .statusCode,
    ).toBe(204);

    const dispatcher = createNotificationDispatcher(t.database, t.keys, t.sms, silent);
    const before = t.sms.messages.length;
    await Promise.all([dispatcher.runOnce(), dispatcher.runOnce()]);
    await dispatcher.runOnce();
    expect(t.sms.messages.slice(before)).toEqual([{ phone: '13700000002', text: '您的登记已办结' }]);
  });

  it('marks a message failed after three refusals by the gateway', async () => {
    const r = await residentSignIn(t, '13700000004');
    await t.database.transaction((tx) =>
      enqueueNotifications(tx, [
        {
          recipient: { residentId: r.residentId },
          regionCode: '533423101',
          channels: ['sms'],
          topic: 'test',
          body: { zh: '失败', en: 'fails' },
        },
      ]),
    );
    const refusing = {
      name: 'refusing',
      send: async () => {
        throw new Error('gateway down');
      },
    };
    const dispatcher = createNotificationDispatcher(t.database, t.keys, refusing, silent);
    const state = async () =>
      (
        await t.database.query<{ status: string; attempts: number; last_error: string; waits: boolean }>(
          'SELECT status, attempts, last_error, next_attempt_at > now() AS waits FROM notifications WHERE resident_id = $1',
          [r.residentId],
        )
      )[0];
    await dispatcher.runOnce();
    expect(await state()).toEqual({ status: 'pending', attempts: 1, last_error: 'gateway down', waits: true });
    // Backed off: a run now leaves it alone.
    await dispatcher.runOnce();
    expect((await state())!.attempts).toBe(1);
    for (let i = 0; i < 2; i++) {
      await t.database.query('UPDATE notifications SET next_attempt_at = now() WHERE resident_id = $1', [r.residentId]);
      await dispatcher.runOnce();
    }
    expect(await state()).toMatchObject({ status: 'failed', attempts: 3, last_error: 'gateway down' });
  });

  it('sends outside any transaction: a slow gateway does not hold the database', async () => {
    const r = await residentSignIn(t, '13700000005');
    await t.database.transaction((tx) =>
      enqueueNotifications(tx, [
        {
          recipient: { residentId: r.residentId },
          regionCode: '533423101',
          channels: ['sms'],
          topic: 'test',
          body: { zh: '慢', en: 'slow' },
        },
      ]),
    );
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = { name: 'slow', send: () => gate };
    const running = createNotificationDispatcher(t.database, t.keys, slow, silent).runOnce();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // While the gateway hangs, the row is claimed and other work goes on (on PGlite a transaction would block this).
    const started = Date.now();
    const [row] = await t.database.query<{ status: string }>(
      'SELECT status FROM notifications WHERE resident_id = $1',
      [r.residentId],
    );
    expect(row!.status).toBe('sending');
    expect(Date.now() - started).toBeLessThan(1000);
    release();
    await running;
    const [after] = await t.database.query<{ status: string }>(
      'SELECT status FROM notifications WHERE resident_id = $1',
      [r.residentId],
    );
    expect(after!.status).toBe('sent');
  });
});

describe('dispatcher kicks', () => {
  it('sends what many kicks in a row asked for in one run: one claim statement', async () => {
    const r = await residentSignIn(t, '13700000006');
    const texts = ['合并一', '合并二', '合并三'];
    for (const zh of texts) await t.database.transaction((tx) => enqueueNotifications(tx, [smsFor(r.residentId, zh)]));
    let claims = 0;
    const counted: Database = {
      ...t.database,
      query: <R>(text: string, params?: unknown[]) => {
        if (text.includes('WITH next AS')) claims++;
        return t.database.query<R>(text, params);
      },
    };
    const dispatcher = createNotificationDispatcher(counted, t.keys, t.sms, silent);
    for (let i = 0; i < 20; i++) dispatcher.kick();
    // Not at once: the kicks wait to share a run.
    expect(claims).toBe(0);
    await until(async () => (await unsent(r.residentId)) === 0, 'the kicked messages sent');
    await dispatcher.stop();
    expect(claims).toBe(1);
    expect(
      t.sms.messages
        .filter((m) => m.phone === '13700000006' && texts.includes(m.text))
        .map((m) => m.text)
        .sort(),
    ).toEqual([...texts].sort());
  });

  it('sends what a pending kick asked for before stop() resolves', async () => {
    const r = await residentSignIn(t, '13700000007');
    await t.database.transaction((tx) => enqueueNotifications(tx, [smsFor(r.residentId, '停机前发出')]));
    const dispatcher = createNotificationDispatcher(t.database, t.keys, t.sms, silent);
    dispatcher.kick();
    await dispatcher.stop();
    expect(await unsent(r.residentId)).toBe(0);
    expect(t.sms.messages.filter((m) => m.phone === '13700000007' && m.text === '停机前发出')).toHaveLength(1);
  });
});

describe('SMS sender configuration', () => {
  const log = { info: () => undefined };
  it('prints codes to the log only in demo mode or when asked for by name', () => {
    expect(smsSenderFromConfig({ sms: undefined, smsWebhookUrl: undefined, demo: true }, log).name).toBe('log');
    expect(smsSenderFromConfig({ sms: undefined, smsWebhookUrl: undefined, demo: false }, log).name).toBe('none');
    expect(smsSenderFromConfig({ sms: 'log', smsWebhookUrl: undefined, demo: false }, log).name).toBe('log');
    expect(
      smsSenderFromConfig({ sms: 'webhook', smsWebhookUrl: 'http://127.0.0.1:9/sms', demo: false }, log).name,
    ).toBe('webhook');
    expect(() => smsSenderFromConfig({ sms: 'webhook', smsWebhookUrl: undefined, demo: false }, log)).toThrow(
      /CRADLE_SMS_WEBHOOK_URL/,
    );
    expect(() => smsSenderFromConfig({ sms: 'carrier-pigeon', smsWebhookUrl: undefined, demo: false }, log)).toThrow(
      /log or webhook/,
    );
  });

  it('refuses a sign-in code with a clear 503 when no gateway is configured', async () => {
    const provider = createPhoneCodeProvider(
      t.database,
      t.keys,
      smsSenderFromConfig({ sms: undefined, smsWebhookUrl: undefined, demo: false }, log),
    );
    await expect(provider.start('13700000009', '127.0.0.1')).rejects.toMatchObject({
      code: 'portal.smsUnavailable',
      status: 503,
    });
  });
});
