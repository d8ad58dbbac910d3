// A student's last move number is kept with the table's save: a client that re-sends a move the table
// applied just before the server stopped (its acknowledgement lost with the connection) gets the table's
// state back after the restart, and the move is in the game once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Envelope } from '../../src/engine';
import { SeatClient, tableAtFirstOffer, type TestServer, testServer } from './test-server';

let ts: TestServer;
// A PGlite store takes seconds to open, more when several test files start theirs at once.
beforeAll(async () => {
  ts = await testServer();
}, 120_000);
afterAll(() => ts.close(), 60_000);

it('a move re-sent after a restart with its number already answered is not applied again', async () => {
  const opened = await tableAtFirstOffer(ts.url);
  const { created, joined } = opened;
  let seats = opened.seats;
  // Mexico opens in 1995: its proposal is move 1 of Dot's client.
  const mx = seats.find((s) => s.side === 'mx')!;
  const issue = mx.update!.view!.scenario.issues[0]!;
  const move = { type: 'propose', package: { [issue.id]: issue.options[1]!.id } } as const;
  expect(await mx.answered(mx.act(move))).toBeNull();
  const proposals = (env: Envelope | null) => (env?.events ?? []).filter((e) => JSON.stringify(e).includes('"propose"')).length;
  const stored = await ts.store.getTable(created.classId, 1);
  expect(proposals(stored!.envelope)).toBe(1);
  expect((await ts.store.studentSeqs(created.classId)).get(mx.joined.studentId)).toBe(1);

  await ts.restart();
  seats = await Promise.all(joined.map((j) => SeatClient.connect(ts.url, j)));
  const again = seats.find((s) => s.side === 'mx')!;
  // The round's news was read before the restart (the table stored that): the restored game goes straight back to the table.
  expect((await ts.store.getTable(created.classId, 1))!.newsRound).toBe(0);
  await again.waitFor((u) => u !== null, 'the restored game');
  expect(again.update!.screen).toBe('table');
  expect(again.update!.view!.offers.filter((o) => o.by === 'mx')).toHaveLength(1);
  // The client never saw its acknowledgement and sends move 1 again.
  const seq = again.act(move);
  expect(seq).toBe(1);
  again.update = null;
  await again.waitFor((u) => u !== null && u.ackSeq >= 1, 'a fresh update acknowledging move 1');
  expect(again.refusals).toEqual([]);
  // The table did not take it a second time: the game still waits for the other delegation's answer.
  expect(again.update!.view!.offers.filter((o) => o.by === 'mx')).toHaveLength(1);
  expect(proposals((await ts.store.getTable(created.classId, 1))!.envelope)).toBe(1);
});
