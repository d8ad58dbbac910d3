// Joins and class creations are limited per address and minute (the defaults are DEFAULT_API_LIMITS: a
// school's students often share one public address); past the limit the request is refused with a reason
// and nothing is recorded. Small limits here so the test reaches them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, createClass, joinClass, type TestServer, testServer } from './test-server';

let ts: TestServer;
beforeAll(async () => {
  ts = await testServer({ limits: { wrongCodes: 100, joins: 3, classes: 2 } });
}, 120_000);
afterAll(() => ts.close(), 60_000);

const errorOf = (a: { status: number; body: unknown }) => [a.status, (a.body as { error: string }).error];

it('joins and class creations from one address are limited per minute, with a reason', async () => {
  const a = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 2, seatsPerSide: 1 });
  await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1 });
  const third = await api(ts.url, '/api/classes', { body: { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1 } });
  expect(errorOf(third)).toEqual([429, 'rate-limited']);
  expect((third.body as { reason: string }).reason).toMatch(/classes a minute/);
  for (const name of ['Ana', 'Beto', 'Caro']) await joinClass(ts.url, a.joinCode, name);
  const fourth = await api(ts.url, '/api/join', { body: { code: a.joinCode, name: 'Dani' } });
  expect(errorOf(fourth)).toEqual([429, 'rate-limited']);
  expect((fourth.body as { reason: string }).reason).toMatch(/joins a minute/);
  expect((await ts.store.listStudents(a.classId)).map((s) => s.name).sort()).toEqual(['Ana', 'Beto', 'Caro']);
  // Without a proxy the operator vouches for (TRUST_PROXY), a forwarded-for header is the client's own word: no way around the limit.
  const spoofed = await api(ts.url, '/api/join', { body: { code: a.joinCode, name: 'Eli' }, headers: { 'X-Forwarded-For': '10.9.9.9' } });
  expect(errorOf(spoofed)).toEqual([429, 'rate-limited']);
  expect(await ts.store.listStudents(a.classId)).toHaveLength(3);
});
