import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { asResident, residentSignIn } from '../test/resident.js';
import { createNotificationDispatcher } from './dispatcher.js';
import { enqueueNotifications } from './outbox.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(200);
});
afterAll(async () => t?.close());

const silent = { warn: () => undefined };

describe('notification outbox', () => {
  it('keeps nothing when the transaction that wrote it rolls back', async () => {
    const r = await residentSignIn(t, '13700000001');
    await expect(
      t.database.transaction(async (tx) => {
        await enqueueNotifications(tx, [{ recipient: { residentId: r.residentId }, regionCode: '533423101', channels: ['inApp', 'sms'], topic: 'test', body: { zh: '回滚', en: 'rolled back' } }]);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const [row] = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE resident_id = $1', [r.residentId]);
    expect(row!.n).toBe(0);
  });

  it('shows in-app messages to their resident only, and sends the SMS once', async () => {
    const a = await residentSignIn(t, '13700000002');
    const b = await residentSignIn(t, '13700000003');
    await t.database.transaction((tx) =>
      enqueueNotifications(tx, [{ recipient: { residentId: a.residentId }, regionCode: '533423101', channels: ['inApp', 'sms'], topic: 'test', body: { zh: '您的登记已办结', en: 'Your registration is complete' } }]),
    );
    const mine = await t.app.inject({ method: 'GET', url: '/api/portal/notifications', ...asResident(a) });
    expect(mine.json().items.map((n: { body: string }) => n.body)).toEqual(['您的登记已办结']);
    const theirs = await t.app.inject({ method: 'GET', url: '/api/portal/notifications', ...asResident(b) });
    expect(theirs.json().items).toEqual([]);
    const id = mine.json().items[0].id;
    expect((await t.app.inject({ method: 'POST', url: `/api/portal/notifications/${id}/read`, ...asResident(b) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/portal/notifications/${id}/read`, ...asResident(a) })).statusCode).toBe(204);

    const dispatcher = createNotificationDispatcher(t.database, t.keys, t.sms, silent);
    const before = t.sms.messages.length;
    await Promise.all([dispatcher.runOnce(), dispatcher.runOnce()]);
    await dispatcher.runOnce();
    expect(t.sms.messages.slice(before)).toEqual([{ phone: '13700000002', text: '您的登记已办结' }]);
  });

  it('marks a message failed after three refusals by the gateway', async () => {
    const r = await residentSignIn(t, '13700000004');
    await t.database.transaction((tx) =>
      enqueueNotifications(tx, [{ recipient: { residentId: r.residentId }, regionCode: '533423101', channels: ['sms'], topic: 'test', body: { zh: '失败', en: 'fails' } }]),
    );
    const refusing = { name: 'refusing', send: async () => { throw new Error('gateway down'); } };
    const dispatcher = createNotificationDispatcher(t.database, t.keys, refusing, silent);
    for (let i = 0; i < 3; i++) await dispatcher.runOnce();
    const [row] = await t.database.query<{ status: string; attempts: number; last_error: string }>('SELECT status, attempts, last_error FROM notifications WHERE resident_id = $1', [r.residentId]);
    expect(row).toEqual({ status: 'failed', attempts: 3, last_error: 'gateway down' });
  });
});
