// What a policy returns: an action and the reason for it. Reasons are structured (a code and the numbers
// the policy actually used) and rendered through the locale files, never sentences built in code.
import type { Action, RngStream, View } from '../engine';
import type { RationaleCode } from './rationale-codes';

export interface Rationale {
  code: RationaleCode;
  /** Ids (issue, constituency, card, shock) and whole-number percentages or counts. */
  params: Record<string, string | number>;
  /** The complete package (issue id -> option id) the numbers are about, when there is one. */
  package?: Record<string, string>;
  /** Linkage cards (own, on the table) that the package's numbers include. */
  cards?: string[];
  /** Further reasons, in order: a shock re-read, a linkage card added, a declared gamble. */
  notes?: Rationale[];
}

export interface Decision {
  action: Action;
  rationale: Rationale;
}

/** A negotiating policy with its persona already chosen: a pure function of the view and a seeded stream. */
export type Policy = (view: View, rng: RngStream) => Decision;
