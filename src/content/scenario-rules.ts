// Rules that tie the parts of a scenario together (ids that must exist, weights that must sum),
// checked after the shape has passed the zod schema.
import type { Scenario, SideId } from './scenario-schema';

export interface RuleViolation {
  /** JSON path, e.g. `shocks[2].effects[0].issue`. */
  path: string;
  rule: string;
}

const SIDES: readonly SideId[] = ['us', 'mx'];
const WEIGHT_TOLERANCE = 1e-6;

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

export function checkScenarioRules(s: Scenario): RuleViolation[] {
  const out: RuleViolation[] = [];
  const bad = (path: string, rule: string) => out.push({ path, rule });

  const issueById = new Map(s.issues.map((i) => [i.id, i]));
  const roundIds = new Set(s.calendar.map((r) => r.id));
  const cardIds = new Set(s.cards.map((c) => c.id));
  const constituencyIds = {
    us: new Set(s.delegations.us.constituencies.map((c) => c.id)),
    mx: new Set(s.delegations.mx.constituencies.map((c) => c.id)),
  };
  const optionIndex = (issue: string, option: string) =>
    issueById.get(issue)?.options.findIndex((o) => o.id === option) ?? -1;

  for (const d of duplicates(s.issues.map((i) => i.id))) bad('issues', `duplicate issue id "${d}"`);
  for (const d of duplicates(s.calendar.map((r) => r.id))) bad('calendar', `duplicate round id "${d}"`);
  for (const d of duplicates(s.shocks.map((x) => x.id))) bad('shocks', `duplicate shock id "${d}"`);
  for (const d of duplicates(s.cards.map((x) => x.id))) bad('cards', `duplicate card id "${d}"`);
  s.issues.forEach((issue, i) => {
    for (const d of duplicates(issue.options.map((o) => o.id))) bad(`issues[${i}].options`, `duplicate option id "${d}"`);
  });
  for (let i = 1; i < s.calendar.length; i++) {
    if (s.calendar[i]!.date < s.calendar[i - 1]!.date) bad(`calendar[${i}].date`, 'rounds must be in date order');
  }

  for (const side of SIDES) {
    const del = s.delegations[side];
    const base = `delegations.${side}`;
    for (const d of duplicates(del.constituencies.map((c) => c.id))) bad(`${base}.constituencies`, `duplicate constituency id "${d}"`);
    let sum = 0;
    for (const issue of s.issues) {
      const p = del.priorities[issue.id];
      if (!p) {
        bad(`${base}.priorities`, `missing the priority of issue "${issue.id}"`);
        continue;
      }
      sum += p.weight;
      if (p.values.length !== issue.options.length)
        bad(`${base}.priorities.${issue.id}.values`, `needs one value per option (${issue.options.length})`);
    }
    for (const key of Object.keys(del.priorities)) {
      if (!issueById.has(key)) bad(`${base}.priorities.${key}`, `unknown issue "${key}"`);
    }
    if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) bad(`${base}.priorities`, `issue weights must sum to 1 (they sum to ${sum.toFixed(4)})`);

    del.constituencies.forEach((c, ci) => {
      let stakeSum = 0;
      for (const [issueId, stake] of Object.entries(c.stakes)) {
        const issue = issueById.get(issueId);
        const path = `${base}.constituencies[${ci}].stakes.${issueId}`;
        if (!issue) {
          bad(path, `unknown issue "${issueId}"`);
          continue;
        }
        stakeSum += stake.weight;
        if (stake.values.length !== issue.options.length) bad(`${path}.values`, `needs one value per option (${issue.options.length})`);
      }
      if (stakeSum > 1 + WEIGHT_TOLERANCE)
        bad(`${base}.constituencies[${ci}].stakes`, `stake weights must sum to at most 1 (they sum to ${stakeSum.toFixed(4)})`);
    });
    for (const instrument of ['executive', 'legislation', 'treaty'] as const) {
      del.ratification[instrument].voters.forEach((v, vi) => {
        if (!constituencyIds[side].has(v))
          bad(`${base}.ratification.${instrument}.voters[${vi}]`, `unknown ${side} constituency "${v}"`);
      });
    }
  }

  const checkRound = (path: string, id: string) => {
    if (!roundIds.has(id)) bad(path, `unknown round "${id}"`);
  };
  const checkIssue = (path: string, id: string) => {
    if (!issueById.has(id)) bad(path, `unknown issue "${id}"`);
    return issueById.has(id);
  };
  const checkConstituency = (path: string, side: SideId, id: string) => {
    if (!constituencyIds[side].has(id)) bad(path, `unknown ${side} constituency "${id}"`);
  };

  s.shocks.forEach((shock, si) => {
    const p = `shocks[${si}]`;
    const t = shock.trigger;
    if (t.kind === 'round') checkRound(`${p}.trigger.round`, t.round);
    if (t.kind === 'window') {
      checkRound(`${p}.trigger.from`, t.from);
      checkRound(`${p}.trigger.to`, t.to);
      const from = s.calendar.findIndex((r) => r.id === t.from);
      const to = s.calendar.findIndex((r) => r.id === t.to);
      if (from >= 0 && to >= 0 && to < from) bad(`${p}.trigger`, 'a window must end at or after its start');
    }
    if (t.kind === 'condition') {
      if (t.from) checkRound(`${p}.trigger.from`, t.from);
      const w = t.when;
      if (w.kind === 'ledgerHas' && checkIssue(`${p}.trigger.when.issue`, w.issue) && optionIndex(w.issue, w.atLeast) < 0)
        bad(`${p}.trigger.when.atLeast`, `unknown option "${w.atLeast}" of issue "${w.issue}"`);
      if (w.kind === 'supportBelow') checkConstituency(`${p}.trigger.when.constituency`, w.side, w.constituency);
    }
    shock.effects.forEach((e, ei) => {
      const ep = `${p}.effects[${ei}]`;
      switch (e.kind) {
        case 'weight':
          checkIssue(`${ep}.issue`, e.issue);
          break;
        case 'support':
          checkConstituency(`${ep}.constituency`, e.side, e.constituency);
          break;
        case 'stake': {
          checkConstituency(`${ep}.constituency`, e.side, e.constituency);
          const c = s.delegations[e.side].constituencies.find((x) => x.id === e.constituency);
          if (checkIssue(`${ep}.issue`, e.issue) && c && !c.stakes[e.issue])
            bad(`${ep}.issue`, `constituency "${e.constituency}" has no stake in issue "${e.issue}" to shift`);
          break;
        }
        case 'withdrawOption':
          if (checkIssue(`${ep}.issue`, e.issue)) {
            const oi = optionIndex(e.issue, e.option);
            if (oi < 0) bad(`${ep}.option`, `unknown option "${e.option}" of issue "${e.issue}"`);
            if (oi === 0) bad(`${ep}.option`, 'the status quo option cannot be withdrawn');
          }
          break;
        case 'card':
          if (!cardIds.has(e.card)) bad(`${ep}.card`, `unknown card "${e.card}"`);
          break;
        default:
          break;
      }
    });
  });

  const h = s.history;
  for (const issue of s.issues) {
    const opt = h.package[issue.id];
    if (opt === undefined) bad('history.package', `missing the historical option of issue "${issue.id}"`);
    else if (optionIndex(issue.id, opt) < 0) bad(`history.package.${issue.id}`, `unknown option "${opt}" of issue "${issue.id}"`);
    if (!h.issueCites[issue.id]) bad('history.issueCites', `missing the citation of the historical outcome of issue "${issue.id}"`);
  }
  for (const key of Object.keys(h.package)) if (!issueById.has(key)) bad(`history.package.${key}`, `unknown issue "${key}"`);
  if (h.round !== null) checkRound('history.round', h.round);
  h.comprehensive?.issues.forEach((id, k) => {
    if (!issueById.has(id)) bad(`history.comprehensive.issues.${k}`, `unknown issue "${id}"`);
  });
  if (!h.agreement && (h.ratified.us || h.ratified.mx)) bad('history.ratified', 'no agreement cannot have been ratified');
  return out;
}
