// npm run bench: prints the engine's and the AI's speed figures on this machine (one core), then the
// lab's (10,000 games over all cores). `npm run bench -- lab` prints only the lab's.
import { existsSync } from 'node:fs';
import { allScenarios } from '../../src/content/scenarios';
import { benchEngine } from './engine-bench';
import { benchLab, labLine } from './lab-bench';

const only = process.argv.slice(2).filter((a) => a !== '--');
if (only.length === 1 && only[0] === 'lab') {
  console.log(labLine(await benchLab()));
  process.exit(0);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`Node ${process.version}, one core (single thread)`);
console.log('scenario               step()/s     scripted games/s   actions/game');
for (const scenario of allScenarios()) {
  const r = benchEngine(scenario);
  console.log(`${scenario.id.padEnd(22)} ${fmt(r.stepsPerSecond).padStart(10)}   ${fmt(r.gamesPerSecond).padStart(16)}   ${r.meanSteps.toFixed(1).padStart(12)}`);
}
const aiBench = new URL('./ai-bench.ts', import.meta.url);
if (existsSync(aiBench)) {
  const { benchAi } = (await import(aiBench.href)) as { benchAi: () => Promise<void> };
  await benchAi();
}
console.log('');
console.log(labLine(await benchLab()));
