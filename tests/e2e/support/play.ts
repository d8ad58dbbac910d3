// A player that reads which controls the overlay offers and answers with the keyboard only (Tab / Enter /
// arrow keys), never with a programmatic click — or, for the screen-size tests, with taps or mouse clicks. Its policy is simple and always terminates: until a
// chosen round it holds out (reject, propose its own best package, pass at home) so the calendar moves
// and the news arrives; from then on it closes (accept the offer on the table, or table back the other
// side's last offer). If its moves are refused twice running, it walks away. Either way the game reaches
// the debrief.
import type { Page } from 'playwright-core';
import type { AppState } from '../../../src/app/app-types';
import { appState, chooseRadio, press, trace } from './page';

export interface GameChoice {
  scenarioId: string;
  seat: 'us' | 'mx';
}

/** How the player presses a control: keyboard (Tab to it, then Enter), a tap (touch) or a mouse click. */
export type Input = 'keyboard' | 'touch' | 'mouse';

export interface Policy {
  /** From this round (0-based) on, the player settles. */
  settleFromRound: number;
  /** Default: keyboard. */
  input?: Input;
  /** Stop (and return) at the first decision where this holds, instead of playing to the debrief. */
  stopWhen?: (s: AppState) => boolean;
}

export interface Hooks {
  /** Called once for each new kind of screen (e.g. 'briefing', 'interlude:r5', 'table:propose', 'paused'). */
  onScreen?: (kind: string, state: AppState) => Promise<void>;
  /** Called before each decision on the table. */
  onTable?: (state: AppState, decisionIndex: number) => Promise<void>;
}

export interface PlayResult {
  final: AppState;
  /** Kinds of screen seen, in order of first appearance. */
  seen: string[];
  decisions: number;
}

const DECISIONS = ['resume', 'to-title', 'ready', 'continue', 'accept-all', 'propose', 'pass'] as const;
type Decision = (typeof DECISIONS)[number];

/** Presses a control by its data-testid with the given input. */
export async function use(page: Page, testid: string, input: Input): Promise<void> {
  if (input === 'keyboard') return press(page, testid);
  trace(`${input} ${testid}`);
  const target = page.locator(`[data-testid="${testid}"]`).first();
  await target.waitFor({ state: 'visible', timeout: 15_000 });
  if (input === 'touch') await target.tap();
  else await target.click();
}

/** Title → new game → scenario and seat (by tapping or clicking their labels) → start; returns at the briefing. */
export async function startByPointer(page: Page, choice: GameChoice, input: 'touch' | 'mouse'): Promise<AppState> {
  await use(page, 'new-game', input);
  await page.waitForSelector('[data-testid="start"]');
  for (const id of [`scenario-${choice.scenarioId}`, `seat-${choice.seat}`]) {
    const label = page.locator(`label[for="${id}"]`);
    if (input === 'touch') await label.tap();
    else await label.click();
    await page.waitForFunction((s) => document.querySelector<HTMLInputElement>(s)?.checked === true, `#${id}`);
  }
  await use(page, 'start', input);
  await page.waitForFunction(() => window.__binational?.controller.getState().screen === 'briefing');
  return appState(page);
}

/** Title → new game → scenario and seat (arrow keys) → start; returns at the briefing. */
export async function startByKeyboard(page: Page, choice: GameChoice): Promise<AppState> {
  await press(page, 'new-game');
  await page.waitForSelector('[data-testid="start"]');
  await chooseRadio(page, `scenario-${choice.scenarioId}`);
  await chooseRadio(page, `seat-${choice.seat}`);
  await press(page, 'start');
  await page.waitForFunction(() => window.__binational?.controller.getState().screen === 'briefing');
  return appState(page);
}

/** A short fingerprint of the state: it changes when the game moves on. */
function stamp(s: AppState): string {
  return [s.screen, s.paused, s.events.length, s.view?.round ?? '-', s.view?.phase ?? '-', s.lastError?.code ?? '-'].join('|');
}

async function waitForChange(page: Page, before: string, timeout = 30_000): Promise<AppState> {
  await page.waitForFunction(
    (b) => {
      const s = window.__binational!.controller.getState();
      return [s.screen, s.paused, s.events.length, s.view?.round ?? '-', s.view?.phase ?? '-', s.lastError?.code ?? '-'].join('|') !== b;
    },
    before,
    { timeout },
  );
  return appState(page);
}

/** Waits until the overlay offers the player something to do; returns what. */
async function nextDecision(page: Page, timeout = 30_000): Promise<Decision> {
  const handle = await page.waitForFunction(
    (ids) => {
      const usable = (id: string) => {
        const el = document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);
        return el !== null && !el.disabled && el.getClientRects().length > 0;
      };
      const s = window.__binational?.controller.getState();
      if (s?.screen === 'debrief' && usable('to-title')) return 'to-title';
      return ids.find((id) => id !== 'to-title' && usable(id)) ?? null;
    },
    DECISIONS as unknown as string[],
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as Decision;
}

function screenKind(s: AppState, decision: Decision): string {
  if (s.paused) return 'paused';
  // Each round's news is its own page (the shocks differ); quiet rounds look alike.
  if (s.screen === 'interlude') return s.news.length ? `interlude:r${(s.view?.round ?? 0) + 1}` : 'interlude';
  if (s.screen !== 'table') return s.screen;
  return `table:${decision === 'accept-all' ? 'respond' : decision === 'propose' ? 'propose' : 'domestic'}`;
}

export async function playToDebrief(page: Page, policy: Policy, hooks: Hooks = {}, maxDecisions = 250): Promise<PlayResult> {
  const seen: string[] = [];
  let refusals = 0;
  for (let n = 0; n < maxDecisions; n++) {
    const decision = await nextDecision(page);
    const s = await appState(page);
    trace(`decision ${n}: ${decision} on ${s.screen} round ${s.view?.round ?? '-'} phase ${s.view?.phase ?? '-'}`);
    const kind = screenKind(s, decision);
    if (!seen.includes(kind)) {
      seen.push(kind);
      await hooks.onScreen?.(kind, s);
    }
    if (decision === 'to-title' || policy.stopWhen?.(s)) return { final: s, seen, decisions: n };
    if (s.screen === 'table' && !s.paused) await hooks.onTable?.(s, n);
    const before = stamp(await appState(page));
    const settle = (s.view?.round ?? 0) >= policy.settleFromRound;
    const input = policy.input ?? 'keyboard';
    switch (decision) {
      case 'resume':
      case 'ready':
      case 'continue':
      case 'pass':
        await use(page, decision, input);
        break;
      case 'accept-all':
        await use(page, settle ? 'accept-all' : 'reject', input);
        break;
      case 'propose': {
        if (refusals >= 2) {
          await use(page, 'walk-away', input);
          await use(page, 'walk-yes', input);
          break;
        }
        const theirs = await page.$('[data-testid="fill-theirs"]');
        await use(page, settle && theirs && refusals === 0 ? 'fill-theirs' : 'fill-best', input);
        await use(page, 'propose', input);
        break;
      }
    }
    const after = await waitForChange(page, before);
    refusals = after.lastError && after.screen === 'table' ? refusals + 1 : 0;
  }
  throw new Error(`the game did not end within ${maxDecisions} decisions`);
}
