// What a player says about a scenario's shocks — switched off or added, moved, scaled — as typed, and the
// overrides that names. Shared by the Lab's arms and the debrief's "Replay from a round…" panel; it needs
// neither the Lab nor its workers.
import type { Scenario } from '../../content/scenario-schema';
import type { Overrides } from '../../engine';

/** What the form says about one shock in one arm: text as typed, checked when the run starts. */
export interface ShockEdit {
  /** For an active shock: switched off. For a pool shock: added. */
  on: boolean;
  /** A round id, or '' for the shock's own timing. */
  move: string;
  /** A factor as typed; '' or '1' leaves the shock as it is. */
  scale: string;
}

export type ArmEdit = Record<string, ShockEdit>;

/** Every shock as scheduled. */
export const blankArm = (scenario: Scenario): ArmEdit => Object.fromEntries(scenario.shocks.map((s) => [s.id, { on: false, move: '', scale: '' }]));

/** The historical shock that changes the most (the most effects) among those still active: "what if it had not happened?". */
export function pivotalShock(scenario: Scenario, overrides: Overrides): string | null {
  const off = new Set(overrides.disable ?? []);
  const candidates = scenario.shocks.filter((s) => s.historical && !s.pool && !off.has(s.id));
  if (!candidates.length) return null;
  return candidates.reduce((best, s) => (s.effects.length > best.effects.length ? s : best)).id;
}

/**
 * The overrides an arm of the form names (without checking them). `added`: pool shocks the game already
 * has (a replayed game's); they are edited like any active shock ("on" switches them off).
 */
export function armOverrides(scenario: Scenario, arm: ArmEdit, added: ReadonlySet<string> = new Set()): Overrides {
  const disable: string[] = [];
  const add: string[] = [];
  const move: Record<string, string> = {};
  const scale: Record<string, number> = {};
  for (const shock of scenario.shocks) {
    const e = arm[shock.id];
    if (!e) continue;
    const pool = shock.pool && !added.has(shock.id);
    if (e.on) (pool ? add : disable).push(shock.id);
    // A disabled shock or a pool shock not added has no timing or size to change.
    const live = pool ? e.on : !e.on;
    if (!live) continue;
    if (e.move) move[shock.id] = e.move;
    const factor = e.scale.trim();
    if (factor !== '' && Number(factor) !== 1) scale[shock.id] = Number(factor.replace(',', '.'));
  }
  const out: Overrides = {};
  if (disable.length) Object.assign(out, { disable });
  if (Object.keys(move).length) Object.assign(out, { move });
  if (Object.keys(scale).length) Object.assign(out, { scale });
  if (add.length) Object.assign(out, { add });
  return out;
}

