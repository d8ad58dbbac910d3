// No message the server sends a student's client carries anything only the other delegation may know
// before the game ends, and no console message carries a delegation's secrets. Every message each client
// receives over whole games is recorded (several tables, two and three seats per delegation, advisers
// lobbying and making statements) and checked against the engine's own states, replayed from the stored
// envelopes: by structure (the other side's numbers, brief, reveal, lobbying) and by value (the other
// side's secret numbers and texts must not appear anywhere in the messages).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassResults, CreatedClass, Joined } from '../../src/content/classroom-schema';
import { getScenario } from '../../src/content/scenarios';
import { type Envelope, type GameEvent, type GameState, other, projection, replay, type Side } from '../../src/engine';
import { api, command, ConsoleClient, createClass, joinClass, playToEnd, SeatClient, type TestServer, testServer } from './test-server';

let ts: TestServer;
// A PGlite store takes seconds to open, more when several test files start theirs at once.
beforeAll(async () => {
  ts = await testServer();
}, 120_000);
afterAll(() => ts.close(), 60_000);

/** Every number in a JSON value (optionally skipping some keys). */
function numbersIn(x: unknown, skip: ReadonlySet<string> = new Set(), out = new Set<number>()): Set<number> {
  if (typeof x === 'number') out.add(x);
  else if (Array.isArray(x)) for (const v of x) numbersIn(v, skip, out);
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) if (!skip.has(k)) numbersIn(v, skip, out);
  return out;
}

function keysIn(x: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(x)) for (const v of x) keysIn(v, out);
  else if (x && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) {
      out.add(k);
      keysIn(v, out);
    }
  return out;
}

/** Every state a stored game went through, from its envelope. */
function statesOf(envelope: Envelope): GameState[] {
  const states: GameState[] = [];
  for (let k = 0; k <= envelope.events.length; k++) {
    const r = replay(envelope, getScenario, k);
    if (!r.ok) throw new Error(`the stored game does not replay at ${k}`);
    states.push(r.state);
  }
  return states;
}

interface Played {
  created: CreatedClass;
  seats: SeatClient[];
  console: ConsoleClient;
}

async function playClass(scenarioId: string, tables: number, seatsPerSide: number, names: string[], seed: number): Promise<Played> {
  const created = await createClass(ts.url, { scenarioId, tables, seatsPerSide, seed, sameSeed: false });
  const console = await ConsoleClient.connect(ts.url, created);
  const joined: Joined[] = [];
  for (const n of names) joined.push(await joinClass(ts.url, created.joinCode, n));
  const seats = await Promise.all(joined.map((j) => SeatClient.connect(ts.url, j)));
  expect((await command(ts.url, created, { op: 'start' })).body).toEqual({ ok: true, refused: [] });
  // A shock the instructor injects mid-game reaches both sides through their projections too.
  let injected = false;
  await Promise.all(
    Array.from({ length: tables }, (_, k) => {
      const at = seats.filter((s) => s.joined.tableNo === k + 1);
      return playToEnd(at, {
        seed: seed + k,
        advisersAct: true,
        onStep: async () => {
          const v = at[0]!.update?.view;
          if (k === 0 && !injected && v && v.round === 1 && at[0]!.update!.screen === 'table') {
            injected = true;
            expect((await command(ts.url, created, { op: 'inject', target: 1, shock: pool(scenarioId) })).body.ok).toBe(true);
            await at[0]!.waitFor((u) => u!.view!.fired.some((f) => f.id === pool(scenarioId)), 'the injected shock');
          }
        },
      });
    }),
  );
  return { created, seats, console };
}

const pool = (scenarioId: string) => getScenario(scenarioId)!.shocks.find((s) => s.pool)!.id;

function checkClass(p: Played, results: ClassResults): number {
  const scenario = getScenario(results.config.scenarioId)!;
  let distinctiveSeen = 0;
  for (const table of results.tables) {
    const states = statesOf(table.envelope as Envelope);
    const before = states.filter((s) => s.phase !== 'ended');
    // Both delegations lobbied and made statements: their secret support moved while the students watched.
    for (const side of ['us', 'mx'] as const) {
      expect(states.at(-1)!.actions.some((a) => a.type === 'lobby' && a.seat === `${side}.adviser`)).toBe(true);
      expect(states.at(-1)!.actions.some((a) => a.type === 'statement' && a.seat === `${side}.adviser`)).toBe(true);
    }
    for (const side of ['us', 'mx'] as const) {
      const them = other(side);
      const legit = new Set<number>();
      for (const s of before) {
        numbersIn(projection(s, `${side}.lead`), new Set(), legit);
        numbersIn(projection(s, `${side}.adviser`), new Set(), legit);
      }
      // The other side's numbers at every state of the game (reservation, weights, valuations, support, stakes…).
      const secret = new Set<number>();
      for (const s of before) numbersIn(s.sides[them], new Set(), secret);
      const distinctive = new Set([...secret].filter((n) => !legit.has(n) && !Number.isInteger(n)));
      distinctiveSeen += distinctive.size;
      const theirTexts = [scenario.delegations[them].brief.en, scenario.delegations[them].brief.es, scenario.delegations[them].reservation.label.en];
      const theirs = (e: GameEvent) => e.type === 'lobbied' && e.side === them;

      for (const seat of p.seats.filter((s) => s.joined.tableNo === table.tableNo && s.side === side)) {
        const msgs = seat.inbox.messages;
        expect(msgs.length).toBeGreaterThan(10);
        const endAt = msgs.findIndex((m) => m.type === 'update' && (m.payload as { view: { outcome: unknown } | null }).view?.outcome);
        expect(endAt).toBeGreaterThan(0);
        for (const [k, m] of msgs.entries()) {
          const text = JSON.stringify(m.payload);
          if (m.type === 'update') {
            const u = m.payload as NonNullable<SeatClient['update']>;
            // The other side's lobbying, never (before or after the end).
            expect(u.events.filter(theirs)).toEqual([]);
            if (u.view) {
              expect(u.view.side).toBe(side);
              expect(u.view.seat).toBe(seat.isLead ? `${side}.lead` : `${side}.adviser`);
            }
          }
          if (k >= endAt) continue;
          // Before the end: no reveal, no analysis, no other side's brief, no state internals, none of their numbers.
          if (m.type === 'update') {
            const u = m.payload as NonNullable<SeatClient['update']>;
            expect(u.analysis).toBeNull();
            if (u.view) {
              expect(u.view.reveal).toBeNull();
              // Its own numbers are its side's at some point of the game (shocks move them).
              expect(before.some((st) => st.sides[side].reservation === u.view!.own!.reservation)).toBe(true);
              expect(u.view.brief!.name).toEqual(scenario.delegations[side].name);
            }
          }
          for (const t of theirTexts) expect(text.includes(t), `${seat.joined.name} got the other side's text in a ${m.type}`).toBe(false);
          const keys = keysIn(m.payload);
          for (const k2 of ['sides', 'rng', 'briefs', 'pending']) expect(keys.has(k2), `${seat.joined.name} got "${k2}" in a ${m.type}`).toBe(false);
          const leaked = [...numbersIn(m.payload)].filter((n) => distinctive.has(n));
          expect(leaked, `${seat.joined.name} (${side}) got the other side's numbers in a ${m.type}`).toEqual([]);
        }
        // After the end the debrief reveals both sides: the check above is not vacuous.
        const last = seat.update!;
        expect(last.view!.reveal).not.toBeNull();
        expect([...numbersIn(last.view!.reveal)].some((n) => distinctive.has(n))).toBe(true);
      }
    }
  }

  // The console: the instructor's projection, no side's numbers (approval is an aggregate, rounded to 2 decimals).
  const allStates = results.tables.flatMap((t) => statesOf(t.envelope as Envelope).filter((s) => s.phase !== 'ended'));
  const legit = new Set<number>();
  for (const s of allStates) numbersIn(projection(s, 'instructor'), new Set(), legit);
  const secret = new Set<number>();
  for (const s of allStates) numbersIn(s.sides, new Set(), secret);
  const distinctive = new Set([...secret].filter((n) => !legit.has(n) && !Number.isInteger(n)));
  const sideTexts = (['us', 'mx'] as Side[]).flatMap((s) => [scenario.delegations[s].brief.en, scenario.delegations[s].reservation.label.en]);
  expect(p.console.summaries.length).toBeGreaterThan(3);
  for (const m of p.console.inbox.messages) {
    const text = JSON.stringify(m.payload);
    for (const t of sideTexts) expect(text.includes(t)).toBe(false);
    const keys = keysIn(m.payload);
    for (const k of ['sides', 'own', 'brief', 'reveal', 'constituencies', 'rng']) expect(keys.has(k), `the console got "${k}"`).toBe(false);
    expect([...numbersIn(m.payload, new Set(['approval']))].filter((n) => distinctive.has(n))).toEqual([]);
    if (m.type === 'summary')
      for (const t of (m.payload as NonNullable<ConsoleClient['summary']>).tables)
        for (const a of Object.values(t.approval ?? {})) expect(Math.round(a * 100) / 100).toBe(a);
  }
  return distinctiveSeen;
}

describe('no message carries the other side’s secrets', () => {
  it('three seats per delegation at two tables, two at a third: every message checked against the engine’s states', async () => {
    const big = await playClass('bracero-1942', 2, 3, ['Ari', 'Bea', 'Cal', 'Dina', 'Ezra', 'Fern', 'Gil', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lia'], 31);
    const small = await playClass('zacatecas-1995', 1, 2, ['Mo', 'Nia', 'Oz', 'Pia'], 47);
    let distinctive = 0;
    for (const p of [big, small]) {
      expect(p.seats.every((s) => s.update?.screen === 'debrief')).toBe(true);
      await command(ts.url, p.created, { op: 'end' });
      const res = await api<ClassResults>(ts.url, `/api/classes/${p.created.classId}/results`, { secret: p.created.instructorSecret });
      distinctive += checkClass(p, res.body);
    }
    // The value check had numbers to look for.
    expect(distinctive).toBeGreaterThan(20);
  });
});
