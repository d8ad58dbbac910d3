// Each decision draws from its own stream, seeded from the game seed, the delegation and the point of
// the game the view shows. An agent is then a pure function of (seed, view): asking it twice, or
// replaying a forked game, gives the same move.
import { RngStream, type Side, type View } from '../engine';

function mix(h: number, x: number): number {
  let z = (h ^ x) + 0x9e3779b9;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

export function decisionRng(seed: number, side: Side, view: View, salt = 0): RngStream {
  let h = mix(seed | 0, Math.floor(seed / 4294967296));
  const parts = [
    side === 'us' ? 1 : 2,
    salt,
    view.round,
    ['proposal', 'response', 'domestic', 'ended'].indexOf(view.phase),
    view.offers.length,
    view.counters,
    Object.keys(view.ledger).length,
    view.own?.capital ?? 0,
    Object.keys(view.commitments[side]).length,
  ];
  for (const p of parts) h = mix(h, p);
  return RngStream.fromSeed(h);
}

/** A stable number for a name, to salt the streams of different policies in one game. */
export function nameSalt(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = mix(h, name.charCodeAt(i));
  return h;
}
