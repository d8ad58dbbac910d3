// The ratification chance of many candidate packages, fast: the engine's approval formula (support, the
// trust shift, broken public commitments, each stake's contribution — added in the same order, so the
// result is identical) with the per-option contributions tabulated once per decision, and only the
// voters of the instrument the package needs evaluated. The engine's passProbability does the vote.
import { passProbability, type SideView } from '../engine';
import type { Board } from './board';

export type OddsFn = (options: readonly number[], cardRanks: readonly number[]) => number;

export function fastOdds(board: Board, own: SideView = board.own): OddsFn {
  const ctx = board.approval;
  const n = board.issueCount;
  const trustShift = ctx.trustApprovalEffect * (ctx.trust - 0.5);
  const commitments = Object.entries(ctx.commitments).map(([i, o]) => [Number(i), o] as const);
  const byInstrument = (['executive', 'legislation', 'treaty'] as const).map((instrument) => {
    const voters = own.voters[instrument].map((k) => {
      const c = own.constituencies[k]!;
      return {
        support: c.support,
        weight: c.ratificationWeight,
        // contribution[i][o], or null where the constituency has no stake
        stakes: c.stakes.map((st) => (st ? st.values.map((v) => st.weight * (v - st.values[0]!)) : null)),
      };
    });
    return { voters, weights: voters.map((v) => v.weight), threshold: Math.min(1, Math.max(0.01, own.thresholds[instrument])) };
  });
  const approvals = byInstrument.map((b) => new Array<number>(b.voters.length).fill(0));
  return (options, cardRanks) => {
    let rank = 0;
    for (let i = 0; i < n; i++) rank = Math.max(rank, board.ranks[i]![options[i]!]!);
    for (const r of cardRanks) rank = Math.max(rank, r);
    let broken = 0;
    for (const [i, o] of commitments) if (own.values[i]![options[i]!]! < own.values[i]![o]!) broken++;
    const shift = trustShift - ctx.audienceCost * broken;
    const b = byInstrument[rank]!;
    const out = approvals[rank]!;
    for (let k = 0; k < b.voters.length; k++) {
      const v = b.voters[k]!;
      let a = v.support + shift;
      for (let i = 0; i < n; i++) {
        const row = v.stakes[i];
        if (row) a += row[options[i]!]!;
      }
      out[k] = Math.min(1, Math.max(0, a));
    }
    return passProbability(b.weights, out, b.threshold);
  };
}
