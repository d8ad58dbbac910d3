// The Lab screen's form as plain data, and the one function that turns it into arms the workers can run,
// or into the list of what is wrong (each message names the field and the valid values). Only valid
// choices are offered by the controls, but text fields (runs, seed, scale factors) can hold anything, and
// a form is checked in full before anything runs; the lab's own checkArm is the last gate.
import type { LabPreset } from '../../app/app-types';
import { historicalPersona, opponentCatalogue } from '../../ai/opponent';
import type { Scenario } from '../../content/scenario-schema';
import type { Overrides, Side } from '../../engine';
import { type ArmConfig, checkArm } from '../../lab/batch';
import type { Locale } from '../../i18n/translate';
import { local, tr } from '../i18n';
import { type ArmEdit, armOverrides, blankArm, pivotalShock } from './shock-edits';

export { type ArmEdit, armOverrides, pivotalShock, type ShockEdit } from './shock-edits';

export const MAX_RUNS = 10_000;
export const DEFAULT_RUNS = 1000;
export const MAX_SEED = 2_147_483_647;
export const MAX_SCALE = 10;


export interface LabForm {
  scenarioId: string;
  runs: string;
  seed: string;
  /** Historical personas and only historical shocks (the persona choices are then not used). */
  history: boolean;
  ai: Record<Side, string>;
  difficulty: string;
  compare: boolean;
  arms: [ArmEdit, ArmEdit];
  /** Shocks that fired in the game the lab was opened from ("what if…?"). */
  fired: string[];
}

export interface FieldError {
  /** The id of the control to fix (the error summary links to it). */
  field: string;
  message: string;
}

export const fieldId = {
  runs: 'lab-runs',
  seed: 'lab-seed',
  persona: (side: Side) => `lab-ai-${side}`,
  toggle: (arm: number, shock: string) => `lab-${arm}-${shock}-on`,
  move: (arm: number, shock: string) => `lab-${arm}-${shock}-move`,
  scale: (arm: number, shock: string) => `lab-${arm}-${shock}-scale`,
  compare: 'lab-compare',
};


/** The personas offered for a side: the generic styles, then its historical ones. */
export const personaChoices = (scenario: Scenario, side: Side): string[] => opponentCatalogue(scenario, side).personas;

export function newForm(scenario: Scenario): LabForm {
  return {
    scenarioId: scenario.id,
    runs: String(DEFAULT_RUNS),
    seed: '1',
    history: false,
    ai: { us: personaChoices(scenario, 'us')[0]!, mx: personaChoices(scenario, 'mx')[0]!},
    difficulty: 'normal',
    compare: false,
    arms: [blankArm(scenario), blankArm(scenario)],
    fired: [],
  };
}

function armFromOverrides(scenario: Scenario, o: Overrides): ArmEdit {
  const arm = blankArm(scenario);
  for (const id of [...(o.disable ?? []), ...(o.add ?? [])]) if (arm[id]) arm[id].on = true;
  for (const [id, round] of Object.entries(o.move ?? {})) if (arm[id]) arm[id].move = round;
  for (const [id, x] of Object.entries(o.scale ?? {})) if (arm[id]) arm[id].scale = String(x);
  return arm;
}

/**
 * "What if…?" from a debrief: the game's scenario, seed, difficulty and overrides as arm A; arm B the same
 * with the most consequential historical shock switched off. The AI keeps its persona; the side the player
 * held is played by that side's historical persona.
 */
export function formFromPreset(scenario: Scenario, p: LabPreset): LabForm {
  const form = newForm(scenario);
  const aiSide: Side = p.seat === 'us' ? 'mx' : 'us';
  form.seed = String(p.seed);
  form.difficulty = p.opponent.difficulty;
  form.ai[p.seat] = historicalPersona(scenario, p.seat);
  if (personaChoices(scenario, aiSide).includes(p.opponent.persona)) form.ai[aiSide] = p.opponent.persona;
  form.arms = [armFromOverrides(scenario, p.overrides), armFromOverrides(scenario, p.overrides)];
  const pivot = pivotalShock(scenario, p.overrides);
  if (pivot) {
    form.compare = true;
    form.arms[1][pivot]!.on = true;
  }
  form.fired = [...p.fired];
  return form;
}

const wholeNumber = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

export type ReadForm = { ok: true; arms: ArmConfig[] } | { ok: false; errors: FieldError[] };

/** The arms to run, or every problem with the form, in the language of the screen. */
export function readForm(scenario: Scenario, form: LabForm, lang: Locale): ReadForm {
  const errors: FieldError[] = [];
  const runs = wholeNumber(form.runs);
  if (runs === null || runs < 1 || runs > MAX_RUNS) errors.push({ field: fieldId.runs, message: tr(lang, 'lab.errRuns', { max: MAX_RUNS.toLocaleString(lang) }) });
  const seed = wholeNumber(form.seed);
  if (seed === null || seed > MAX_SEED) errors.push({ field: fieldId.seed, message: tr(lang, 'lab.errSeed', { max: MAX_SEED }) });
  if (!form.history)
    for (const side of ['us', 'mx'] as const)
      if (!personaChoices(scenario, side).includes(form.ai[side])) errors.push({ field: fieldId.persona(side), message: tr(lang, 'lab.errPersona', { persona: form.ai[side] }) });
  const rounds = new Set(scenario.calendar.map((r) => r.id));
  const armCount = form.compare ? 2 : 1;
  for (let a = 0; a < armCount; a++) {
    const arm = form.arms[a]!;
    const armName = tr(lang, a === 0 ? 'lab.armA' : 'lab.armB');
    for (const shock of scenario.shocks) {
      const e = arm[shock.id];
      if (!e) continue;
      const live = shock.pool ? e.on : !e.on;
      if (!live) continue;
      const name = local(lang, shock.title);
      if (e.move && !rounds.has(e.move)) errors.push({ field: fieldId.move(a, shock.id), message: tr(lang, 'lab.errRound', { arm: armName, shock: name }) });
      const factor = e.scale.trim().replace(',', '.');
      if (factor !== '' && !(/^\d+(\.\d+)?$/.test(factor) && Number(factor) <= MAX_SCALE))
        errors.push({ field: fieldId.scale(a, shock.id), message: tr(lang, 'lab.errScale', { arm: armName, shock: name, max: MAX_SCALE, value: e.scale }) });
    }
  }
  if (errors.length) return { ok: false, errors };
  const base = { scenarioId: scenario.id, runs: runs!, seed: seed!, ai: { ...form.ai }, difficulty: form.difficulty, history: form.history };
  const arms: ArmConfig[] = [{ ...base, overrides: armOverrides(scenario, form.arms[0]) }];
  if (form.compare) {
    arms.push({ ...base, overrides: armOverrides(scenario, form.arms[1]) });
    if (JSON.stringify(arms[0]!.overrides) === JSON.stringify(arms[1]!.overrides))
      return { ok: false, errors: [{ field: fieldId.compare, message: tr(lang, 'lab.errSameArms') }] };
  }
  // The lab's own check, in case the form let anything through (its messages list the valid values).
  for (const [a, arm] of arms.entries()) {
    const problems = checkArm(scenario, arm);
    if (problems.length) errors.push({ field: a === 0 ? fieldId.runs : fieldId.compare, message: problems.join('; ') });
  }
  return errors.length ? { ok: false, errors } : { ok: true, arms };
}
