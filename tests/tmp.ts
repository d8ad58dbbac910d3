import { miniScenario } from './fixtures/mini-scenario';
import { ScenarioSchema } from '../src/content/scenario-schema';
import { createGame } from '../src/engine';
import { playOut } from '../src/ai/play-out';
import { scriptedPolicy } from '../src/ai/scripted';
const s = ScenarioSchema.parse(miniScenario());
const t0=performance.now(); let n=0; for (let seed=0; seed<6000; seed++){ playOut(createGame(s, seed), { us: scriptedPolicy, mx: scriptedPolicy }, 10000, false); n++; } console.log('games/s', n/((performance.now()-t0)/1000));
