// The classroom forms' own checks say exactly what the wire contract's schemas say: every input the form
// accepts, the schema accepts, and every input it refuses, the schema refuses too (the form only names the
// field and the rule first, in the player's language).
import { describe, expect, it } from 'vitest';
import { checkJoin, checkSetup, joinFieldOf, nameRule, type SetupForm, setupFieldOf } from '../../src/app/classroom-forms';
import { CreateClassRequestSchema, DisplayNameSchema, JoinRequestSchema } from '../../src/content/classroom-schema';

const NAMES = ['Ana', '  Ana María  ', '', '   ', 'x'.repeat(40), 'x'.repeat(41), '<b>Ana</b>', 'Ana & Luis', 'O’Brien', "O'Brien", 'tab\there', 'Zoë 🌵', 'a`b'];

describe('the join form', () => {
  it('refuses a name exactly when the schema does, naming the rule', () => {
    for (const name of NAMES) expect(nameRule(name) === null, JSON.stringify(name)).toBe(DisplayNameSchema.safeParse(name).success);
    expect(nameRule('')).toBe('name-empty');
    expect(nameRule('x'.repeat(41))).toBe('name-long');
    expect(nameRule('<b>Ana</b>')).toBe('name-markup');
    expect(nameRule('tab\there')).toBe('name-control');
  });

  it('sends the code trimmed and in capitals, as the schema reads it', () => {
    for (const code of ['k7m2qx9p', ' K7M2QX9P ', '', 'x'.repeat(16), 'x'.repeat(17)]) {
      const r = checkJoin(code, 'Ana');
      const s = JoinRequestSchema.safeParse({ code, name: 'Ana' });
      expect(r.ok, code).toBe(s.success);
      if (r.ok && s.success) expect(r.code).toBe(s.data.code);
    }
  });

  it('places a server refusal on its field', () => {
    expect(joinFieldOf('bad-code', '')).toBe('code');
    expect(joinFieldOf('class-full', '')).toBe('code');
    expect(joinFieldOf('name-taken', '')).toBe('name');
    expect(joinFieldOf('bad-request', 'name: a name cannot be empty')).toBe('name');
    expect(joinFieldOf('network', 'fetch failed')).toBeNull();
  });
});

const base: SetupForm = {
  scenarioId: 'whole-enchilada-2001',
  title: '',
  tables: '4',
  seatsPerSide: '2',
  timers: { proposal: '180', response: '', domestic: '120', news: '' },
  aiForEmptySeats: true,
  difficulty: 'normal',
  lang: 'es',
  seed: '',
  sameSeed: true,
};

describe('the set-up form', () => {
  it('builds a request the schema accepts, with untimed waits left out', () => {
    const r = checkSetup(base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request).toEqual({ scenarioId: 'whole-enchilada-2001', tables: 4, seatsPerSide: 2, timers: { proposal: 180, domestic: 120 }, aiForEmptySeats: true, difficulty: 'normal', lang: 'es', sameSeed: true });
    expect(CreateClassRequestSchema.safeParse(r.request).success).toBe(true);
  });

  it('refuses what the schema refuses, each problem on its field', () => {
    const cases: [Partial<SetupForm>, string, string][] = [
      [{ tables: '0' }, 'setup-tables', 'tables-range'],
      [{ tables: '41' }, 'setup-tables', 'tables-range'],
      [{ tables: '2.5' }, 'setup-tables', 'tables-range'],
      [{ seatsPerSide: '4' }, 'setup-seats', 'seats-range'],
      [{ timers: { ...base.timers, response: '9' } }, 'setup-timer-response', 'timer-range'],
      [{ timers: { ...base.timers, news: '3601' } }, 'setup-timer-news', 'timer-range'],
      [{ seed: '-1' }, 'setup-seed', 'seed-range'],
      [{ seed: '2147483648' }, 'setup-seed', 'seed-range'],
      [{ title: 'x'.repeat(81) }, 'setup-title', 'title-long'],
      [{ scenarioId: '' }, 'setup-scenario', 'scenario-missing'],
    ];
    for (const [change, field, rule] of cases) {
      const r = checkSetup({ ...base, ...change });
      expect(r.ok, JSON.stringify(change)).toBe(false);
      if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ field, rule })]);
    }
    // The limits themselves are accepted, by the form and by the schema.
    for (const change of [{ tables: '1' }, { tables: '40' }, { seatsPerSide: '3' }, { timers: { proposal: '10', response: '3600', domestic: '', news: '' } }, { seed: '2147483647' }, { title: 'x'.repeat(80) }]) {
      const r = checkSetup({ ...base, ...change });
      expect(r.ok, JSON.stringify(change)).toBe(true);
      if (r.ok) expect(CreateClassRequestSchema.safeParse(r.request).success).toBe(true);
    }
  });

  it('places a server refusal on its field', () => {
    expect(setupFieldOf('unknown-scenario', 'no such scenario')).toBe('setup-scenario');
    expect(setupFieldOf('bad-request', 'timers.news: Too small: expected number to be >=10')).toBe('setup-timer-news');
    expect(setupFieldOf('rate-limited', '')).toBeNull();
  });
});
