import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { openStore, type SubscriberInput } from '../src/store.ts';
import { engineCases } from './engines.ts';

// Subscribers, the suppression list and the schedule's claims (migration 0011) on both engines.

const cases = await engineCases();
const T0 = '2026-12-07T10:00:00.000Z';
const T1 = '2026-12-07T11:00:00.000Z';
const none = { kinds: [], countries: [], places: [], actors: [], minKilled: null };
const ana: SubscriberInput = {
  email: 'Ana@Example.org',
  name: 'Ana',
  timezone: 'Europe/London',
  filters: none,
};
const bo: SubscriberInput = {
  email: 'bo@example.org',
  name: 'Bo',
  timezone: 'Asia/Kolkata',
  sendHour: 6,
  cadence: 'weekly',
  filters: { ...none, places: ['Aleppo'], minKilled: 5 },
};

describe.each(cases)('subscribers on $name', (engine) => {
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip)(
    'imports as confirmed, updates on re-import, keys addresses case-insensitively',
    async () => {
      const store = await engine.open();
      expect(await store.subscribers.import([ana, bo], T0)).toEqual({ added: 2, updated: 0, suppressed: [] });
      expect(
        await store.subscribers.import([{ ...ana, email: 'ana@example.org', name: 'Ana B' }], T1),
      ).toEqual({
        added: 0,
        updated: 1,
        suppressed: [],
      });
      const all = await store.subscribers.list();
      expect(all.map((s) => [s.email, s.name, s.status, s.sendHour, s.cadence])).toEqual([
        ['ana@example.org', 'Ana B', 'confirmed', 7, 'daily'],
        ['bo@example.org', 'Bo', 'confirmed', 6, 'weekly'],
      ]);
      expect((await store.subscribers.get('BO@example.org'))?.filters).toEqual(bo.filters);
      expect((await store.subscribers.get('ana@example.org'))?.confirmedAt).toBe(T0);
    },
  );

  it.skipIf(engine.skip)('never lists a suppressed address as mailable, even after a re-import', async () => {
    const store = await engine.open();
    await store.subscribers.import([ana, bo], T0);
    await store.subscribers.suppress('ana@example.org', 'unsubscribed', 'one-click', T1);
    await store.subscribers.suppress('ANA@example.org', 'bounced', 'second reason is ignored', T1);
    expect(await store.subscribers.import([ana], T1)).toEqual({
      added: 0,
      updated: 1,
      suppressed: [ana.email],
    });
    expect((await store.subscribers.list({ mailable: true })).map((s) => s.email)).toEqual([
      'bo@example.org',
    ]);
    expect((await store.subscribers.get('ana@example.org'))?.suppressed).toMatchObject({
      reason: 'unsubscribed',
      detail: 'one-click',
    });
    // An address that never subscribed can be suppressed too (a complaint about a forwarded copy).
    await store.subscribers.suppress('cy@example.org', 'complained', null, T1);
    expect((await store.subscribers.suppressions()).map((s) => [s.email, s.reason])).toEqual([
      ['ana@example.org', 'unsubscribed'],
      ['cy@example.org', 'complained'],
    ]);
  });

  it.skipIf(engine.skip)(
    'keeps a sign-up pending until confirmed; confirming lifts only an unsubscribe',
    async () => {
      const store = await engine.open();
      expect(await store.subscribers.signUp(bo, T0)).toBe('pending');
      expect(await store.subscribers.list({ mailable: true })).toEqual([]);
      // asked again within the quiet period: left as it is (no second confirmation mail)
      expect(await store.subscribers.signUp({ ...bo, name: 'Again' }, T0, '2026-12-07T09:50:00.000Z')).toBe(
        'recently-asked',
      );
      expect((await store.subscribers.get('bo@example.org'))?.name).toBe('Bo');
      expect(await store.subscribers.signUp(bo, T0, '2026-12-07T10:00:00.001Z')).toBe('pending');
      expect((await store.subscribers.confirm('bo@example.org', T1))?.status).toBe('confirmed');
      expect(await store.subscribers.signUp({ ...bo, name: 'Mallory' }, T1)).toBe('already-confirmed');
      expect((await store.subscribers.get('bo@example.org'))?.name).toBe('Bo');
      expect(await store.subscribers.confirm('nobody@example.org', T1)).toBeNull();

      await store.subscribers.suppress('bo@example.org', 'unsubscribed', null, T1);
      expect(await store.subscribers.signUp(bo, T1)).toBe('pending');
      await store.subscribers.confirm('bo@example.org', T1);
      expect((await store.subscribers.list({ mailable: true })).map((s) => s.email)).toEqual([
        'bo@example.org',
      ]);

      await store.subscribers.suppress('bo@example.org', 'bounced', '550 5.1.1', T1);
      expect(await store.subscribers.signUp(bo, T1)).toBe('suppressed');
      await store.subscribers.confirm('bo@example.org', T1);
      expect((await store.subscribers.get('bo@example.org'))?.suppressed?.reason).toBe('bounced');
    },
  );

  it.skipIf(engine.skip)('changes settings through update', async () => {
    const store = await engine.open();
    await store.subscribers.import([ana], T0);
    expect(
      await store.subscribers.update(
        'ana@example.org',
        { timezone: 'UTC', filters: { ...none, kinds: ['airstrike'] } },
        T1,
      ),
    ).toBe(true);
    expect(await store.subscribers.update('x@example.org', { timezone: 'UTC' }, T1)).toBe(false);
    expect(await store.subscribers.get('ana@example.org')).toMatchObject({
      timezone: 'UTC',
      filters: { kinds: ['airstrike'] },
      updatedAt: T1,
    });
  });

  it.skipIf(engine.skip)('gives an edition to one claimer, and a stale claim to one other', async () => {
    // two connections to one database, as two scheduler processes have
    const config = await engine.config();
    const store = await openStore(config);
    const other = await openStore(config);
    onTestFinished(() => Promise.all([store.close(), other.close()]).then(() => {}));
    const results = await Promise.all([
      store.subscribers.claim('2016-12-09', 'ana@example.org', 'p1', T0, '2026-12-07T09:00:00.000Z'),
      other.subscribers.claim('2016-12-09', 'ANA@example.org', 'p2', T0, '2026-12-07T09:00:00.000Z'),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results[0] ? 'p1' : 'p2';
    expect(await store.subscribers.claim('2016-12-09', 'ana@example.org', winner, T0, T0)).toBe(true);
    // Later, the claim is stale: exactly one of two racing processes takes it over.
    const later = await Promise.all([
      store.subscribers.claim('2016-12-09', 'ana@example.org', 'p3', T1, T1),
      other.subscribers.claim('2016-12-09', 'ana@example.org', 'p4', T1, T1),
    ]);
    expect(later.filter(Boolean)).toHaveLength(1);
    expect(await store.subscribers.claim('2016-12-10', 'ana@example.org', 'p3', T1, T1)).toBe(true);
  });
});
