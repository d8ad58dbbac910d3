// Connections coming and going: a lead who drops out of a game in progress (after the grace the AI holds
// the delegation and moves for it, the console marks the seat as the AI's; when the student comes back,
// the delegation is theirs again), a server restart, and the same seat opened twice.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { command, ConsoleClient, createClass, joinClass, SeatClient, tableAtFirstOffer, type TestServer, testServer } from './test-server';

let ts: TestServer;
// A PGlite store takes seconds to open, more when several test files start theirs at once.
beforeAll(async () => {
  ts = await testServer({ graceMs: 300 });
}, 120_000);
afterAll(() => ts.close(), 60_000);

it('the AI holds an absent lead’s delegation after the grace and hands it back when the student returns', async () => {
  const created = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1, seed: 4 });
  const annJoined = await joinClass(ts.url, created.joinCode, 'Ann');
  const bo = await SeatClient.connect(ts.url, await joinClass(ts.url, created.joinCode, 'Bo'));
  const ann = await SeatClient.connect(ts.url, annJoined);
  const con = await ConsoleClient.connect(ts.url, created);
  await command(ts.url, created, { op: 'start' });
  await ann.waitFor((u) => u?.screen === 'briefing', 'the briefing');
  for (const s of [ann, bo]) s.room.send('ready', {});
  await ann.waitFor((u) => u?.screen === 'interlude', 'the news');
  for (const s of [ann, bo]) s.room.send('ack', {});
  // The United States opens: the game waits for Ann.
  await bo.waitFor((u) => u?.screen === 'table' && u.view!.awaiting.includes('us') && u.aiSeats.length === 0, 'the table waiting for Ann');

  await ann.leave();
  await bo.waitFor((u) => u!.tablemates.some((t) => t.name === 'Ann' && !t.connected), 'Ann shown away');
  await bo.waitFor((u) => u!.aiSeats.includes('us.lead'), 'the AI holding the United States');
  // The AI moved for the United States: its opening offer is on the table.
  await bo.waitFor((u) => u!.view!.offers.some((o) => o.by === 'us'), 'the AI’s offer');
  await con.waitFor((s) => s.tables[0]!.seats.find((x) => x.seat === 'us.lead')!.ai, 'the console marking the seat as the AI’s');
  expect(con.summary!.tables[0]!.seats.find((x) => x.seat === 'us.lead')).toMatchObject({ name: 'Ann', connected: false, ai: true });
  const stored = await ts.store.getTable(created.classId, 1);
  expect(stored!.aiSeats).toEqual(['us.lead']);

  const back = await SeatClient.connect(ts.url, annJoined);
  await back.waitFor((u) => u !== null && u.screen === 'table' && u.aiSeats.length === 0, 'the United States back in Ann’s hands');
  expect(back.update!.from).toBe(0);
  expect(back.events.some((e) => e.type === 'proposed' && e.side === 'us')).toBe(true);
  await bo.waitFor((u) => u!.aiSeats.length === 0 && u!.tablemates.every((t) => t.connected), 'Ann back at the table');
  await con.waitFor((s) => !s.tables[0]!.seats.find((x) => x.seat === 'us.lead')!.ai, 'the console giving the seat back');
  expect((await ts.store.getTable(created.classId, 1))!.aiSeats).toEqual([]);
});

it('a restarted server brings a class back: students rejoin with their tokens, a paused table stays paused, the game goes on', async () => {
  const opened = await tableAtFirstOffer(ts.url);
  const { created, joined } = opened;
  let seats = opened.seats;
  // Mexico opens in 1995; one move, then the instructor pauses the table.
  const mx = seats.find((s) => s.side === 'mx')!;
  const issue = mx.update!.view!.scenario.issues[0]!;
  expect(await mx.answered(mx.act({ type: 'propose', package: { [issue.id]: issue.options[1]!.id } }))).toBeNull();
  await command(ts.url, created, { op: 'pause', target: 1 });
  await mx.waitFor((u) => u!.paused, 'the pause');
  const before = mx.update!.view!;

  await ts.restart();
  seats = await Promise.all(joined.map((j) => SeatClient.connect(ts.url, j)));
  const again = seats.find((s) => s.side === 'mx')!;
  await again.waitFor((u) => !!u?.view && u.view.offers.length > 0, 'the restored game');
  expect(again.welcome!.started).toBe(true);
  expect(again.update!.paused).toBe(true);
  expect(again.update!.view!.offers).toEqual(before.offers);
  expect(again.update!.view!.round).toBe(before.round);
  await command(ts.url, created, { op: 'resume', target: 1 });
  await again.waitFor((u) => !u!.paused, 'the resume');
  const con = await ConsoleClient.connect(ts.url, created);
  await con.waitFor((s) => s.status === 'started' && s.tables[0]!.status === 'playing', 'the class on the console');
});

it('a second connection with the same seat token replaces the first, which is told why and closed', async () => {
  const created = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1 });
  const joined = await joinClass(ts.url, created.joinCode, 'Eve');
  const first = await SeatClient.connect(ts.url, joined);
  await first.waitFor((u) => u?.screen === 'waiting', 'the waiting room');
  const second = await SeatClient.connect(ts.url, joined);
  await first.inbox.waitFor(() => first.inbox.left !== null, 'the first connection to close');
  expect(first.inbox.left!.code).toBe(4100);
  expect(first.inbox.messages.find((m) => m.type === 'closed')!.payload).toMatchObject({ code: 'replaced' });
  await second.waitFor((u) => u?.screen === 'waiting' && u.tablemates.every((t) => t.connected), 'the second connection at the table');
});

it('when every lead of a table is away, the AI holds both delegations to the next news and the table waits there', async () => {
  const created = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1, seed: 6 });
  const joined = [await joinClass(ts.url, created.joinCode, 'Flo'), await joinClass(ts.url, created.joinCode, 'Gus')];
  const seats = await Promise.all(joined.map((j) => SeatClient.connect(ts.url, j)));
  const con = await ConsoleClient.connect(ts.url, created);
  await command(ts.url, created, { op: 'start' });
  await seats[0]!.waitFor((u) => u?.screen === 'briefing', 'the briefing');
  for (const s of seats) s.room.send('ready', {});
  await seats[0]!.waitFor((u) => u?.screen === 'interlude', 'the news');
  for (const s of seats) s.room.send('ack', {});
  for (const s of seats) await s.waitFor((u) => u?.screen === 'table' && u.view!.round === 0, 'the first round');

  for (const s of seats) await s.leave();
  await con.waitFor((s) => s.tables[0]!.screen === 'interlude' && s.tables[0]!.round === 1, 'the AI playing the round out to the next news');
  expect(con.summary!.tables[0]).toMatchObject({ status: 'playing', outcome: null });
  expect(con.summary!.tables[0]!.seats.map((x) => x.ai)).toEqual([true, true]);

  const back = await Promise.all(joined.map((j) => SeatClient.connect(ts.url, j)));
  for (const s of back) await s.waitFor((u) => u !== null && u.aiSeats.length === 0, 'the delegations back with their students');
  expect(back[0]!.update).toMatchObject({ screen: 'interlude' });
  expect(back[0]!.update!.view).toMatchObject({ round: 1, outcome: null });
});
