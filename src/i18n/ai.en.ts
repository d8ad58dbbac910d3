// English texts of the AI partner's rationales (keys under "ai."). Parameters hold ids (rendered as
// names) and whole-number percentages or counts the policy actually used.
export const aiEn = {
  and: 'and',
  reason: {
    open: 'We open with the package we want; our side would ratify it ({ratification}% likely).',
    stand: 'We keep our position; our side would ratify it ({ratification}%).',
    concede: 'We move towards you on {issues} as the deadline nears (rounds left: {roundsLeft}); our side would ratify this ({ratification}%).',
    reciprocate: 'You moved towards us, so we move on {issues}; our side would ratify this ({ratification}%).',
    hold: 'You took back part of an earlier offer, so we hold our position (ratification on our side: {ratification}%).',
    accept: 'This is at least as good as what we would offer next, and our side would ratify it ({ratification}%).',
    acceptLastChance: 'There is no time left for a better offer; this beats having no deal, and our side would ratify it ({ratification}%).',
    acceptPart: 'We accept your terms on {issues}: they match what we would ask, and the whole would still be ratified at home ({ratification}%).',
    bank: 'We bank {issues} now: that is what we would ask for ourselves (ratification on that basis: {ratification}%).',
    counterDomestic:
      '{constituency} would not ratify this, above all because of {issue}: approval {approval}% against a {threshold}% threshold (ratification: {ratification}%).',
    counterValue: 'This falls short for us on {issues}.',
    rejectDomestic:
      '{constituency} would not ratify this, above all because of {issue}: approval {approval}% against a {threshold}% threshold (ratification: {ratification}%). We cannot accept it.',
    rejectValue: 'This falls short for us on {issues}, and we cannot make another counter-proposal this round.',
    noWinset:
      'Our side would not ratify any deal within reach yet (the best chance is {ratification}%); we put part of the agenda on the table while we work at home.',
    lastIssue: 'Our side would not yet ratify a deal on {issue} (the best chance is {ratification}%); we keep it on the table while we work at home.',
    walkAway:
      'No deal within reach could be ratified on our side, even with all our political capital (the best chance is {ratification}%). We leave the table.',
    lobby: 'We spend political capital ({amount}) on {constituency}: approval {approvalBefore}% → {approvalAfter}%, ratification {before}% → {after}%.',
    statement: 'We state in public that we want “{option}” on {issue}: it rallies our supporters and lifts ratification from {before}% to {after}%.',
    commit: 'We commit in public to “{option}” on {issue}: we will not settle for less (ratification at home: {before}% before, {after}% after).',
    pass: 'Nothing more at home would help enough now (ratification: {ratification}%).',
    passNoCapital: 'We have no political capital left to spend.',
    shock: 'After “{shock}”, we have weighed our priorities and our alternatives again (rounds left: {roundsLeft}).',
    linkage: 'We add {cards} to make the package worth your while.',
    firm: 'You have held firm on {issues}, so we look for room elsewhere.',
    gamble: 'Our side may well not ratify this ({ratification}%), but we take the gamble.',
    baselineRandom: 'A move picked at random.',
    baselineCurve: 'We follow a fixed concession schedule.',
    baselineMirror: 'We match the concession you made.',
    baselineImmovable: 'We do not move.',
    baselineScripted: 'We follow our script.',
  },
} as const;
