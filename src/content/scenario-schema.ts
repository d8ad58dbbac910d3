// The scenario format: the one schema every scenario file passes at load.
// Every number in a scenario sits in an object whose `cite` names the seed line(s) it comes from,
// or the word "design" when it is a game-design choice (see src/content/citations.ts).
import { z } from 'zod';

export const CITE_PATTERN = /^(design|\d{3}_[0-9a-f]{16}\.txt:\d+(-\d+)?)$/;
export const Cite = z
  .string()
  .regex(CITE_PATTERN, 'a citation is "design" or "<seed file>:<line>" or "<seed file>:<from>-<to>"');
export const Cites = z.array(Cite).min(1, 'every number and option range needs at least one citation');

export const Id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'an id is lower-case letters, digits, dots and dashes');
export const Text = z.object({ en: z.string().min(1), es: z.string().min(1) }).strict();
export const Side = z.enum(['us', 'mx']);
export const Instrument = z.enum(['executive', 'legislation', 'treaty']);
const Unit = z.number().min(0).max(1);
const Delta = z.number().min(-1).max(1);

export const OptionSchema = z
  .object({
    id: Id,
    label: Text,
    /** What each side needs to ratify this option: an executive agreement, legislation or a treaty. */
    instrument: z.object({ us: Instrument, mx: Instrument }).strict(),
    cite: Cites,
  })
  .strict();

export const IssueSchema = z
  .object({
    id: Id,
    name: Text,
    description: Text,
    salience: z.enum(['technical', 'political']),
    /** Ordered scale; options[0] is the status quo, what the issue stays at without agreement. */
    options: z.array(OptionSchema).min(3, 'an issue is a scale of 3 to 5 options').max(5, 'an issue is a scale of 3 to 5 options'),
    cite: Cites,
  })
  .strict();

export const RoundSchema = z
  .object({
    id: Id,
    date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date is YYYY-MM or YYYY-MM-DD'),
    label: Text,
    cite: Cites,
  })
  .strict();

/** A delegation's private valuation of one issue: its weight and a value per option (0..1). */
export const PrioritySchema = z
  .object({ weight: Unit, values: z.array(Unit).min(3).max(5), cite: Cites })
  .strict();

/** A constituency's stake in one issue: how much it cares and how it values each option. */
export const StakeSchema = z.object({ weight: Unit, values: z.array(Unit).min(3).max(5) }).strict();

export const ConstituencySchema = z
  .object({
    id: Id,
    name: Text,
    description: Text,
    /** Its weight in a ratification vote it takes part in. */
    ratificationWeight: z.number().positive().max(100),
    /** Initial support for the government's negotiating line, 0..1. */
    support: Unit,
    stakes: z.record(Id, StakeSchema),
    cite: Cites,
  })
  .strict();

export const RatificationRuleSchema = z
  .object({
    /** Constituencies (of the same side) that vote when a package needs this instrument. */
    voters: z.array(Id).min(1),
    /** Share of the voters' ratification weight that must vote yes. */
    threshold: z.number().gt(0).max(1),
    cite: Cites,
  })
  .strict();

export const DelegationSchema = z
  .object({
    name: Text,
    leader: Text,
    /** The secret brief, shown only to this delegation until the debrief. */
    brief: Text,
    priorities: z.record(Id, PrioritySchema),
    reservation: z.object({ value: Unit, label: Text, cite: Cites }).strict(),
    /** Share of the value left if agreement comes at the very end of the calendar (t = 1). */
    discount: z.object({ value: z.number().gt(0).max(1), cite: Cites }).strict(),
    capital: z
      .object({ initial: z.number().int().min(0).max(20), perRound: z.number().int().min(0).max(5), cite: Cites })
      .strict(),
    /** How credible this delegation finds the other at the start, 0..1. */
    trust: z.object({ value: Unit, cite: Cites }).strict(),
    constituencies: z.array(ConstituencySchema).min(4, 'each side needs at least 4 constituencies'),
    ratification: z
      .object({ executive: RatificationRuleSchema, legislation: RatificationRuleSchema, treaty: RatificationRuleSchema })
      .strict(),
  })
  .strict();

export const ConditionSchema = z.discriminatedUnion('kind', [
  /** Fires once the ledger holds `issue` at an option at or beyond `atLeast` on the scale. */
  z.object({ kind: z.literal('ledgerHas'), issue: Id, atLeast: Id }).strict(),
  z.object({ kind: z.literal('trustBelow'), side: Side, value: Unit }).strict(),
  z.object({ kind: z.literal('supportBelow'), side: Side, constituency: Id, value: Unit }).strict(),
]);

export const TriggerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('round'), round: Id }).strict(),
  /** Each round from `from` to `to`, fires with `probability` (once at most). */
  z.object({ kind: z.literal('window'), from: Id, to: Id, probability: z.number().gt(0).max(1) }).strict(),
  /** Checked at the start of each round from `from` on (or from the first round). */
  z.object({ kind: z.literal('condition'), from: Id.optional(), when: ConditionSchema }).strict(),
]);

export const EffectSchema = z.discriminatedUnion('kind', [
  /** Shifts a delegation's issue weight; weights are renormalised to sum to 1. */
  z.object({ kind: z.literal('weight'), side: Side, issue: Id, delta: Delta }).strict(),
  z.object({ kind: z.literal('reservation'), side: Side, delta: Delta }).strict(),
  z.object({ kind: z.literal('support'), side: Side, constituency: Id, delta: Delta }).strict(),
  /** Shifts a constituency's value of every option above the status quo on `issue`. */
  z.object({ kind: z.literal('stake'), side: Side, constituency: Id, issue: Id, delta: Delta }).strict(),
  z.object({ kind: z.literal('capital'), side: Side, delta: z.number().int().min(-10).max(10) }).strict(),
  /** Shifts how credible `side` finds the other delegation. */
  z.object({ kind: z.literal('trust'), side: Side, delta: Delta }).strict(),
  /** Moves the deadline by whole rounds (negative: earlier). */
  z.object({ kind: z.literal('deadline'), delta: z.number().int().min(-10).max(10) }).strict(),
  /** Talks are suspended: no proposals for this many rounds, the current one included. */
  z.object({ kind: z.literal('suspend'), rounds: z.number().int().min(1).max(10) }).strict(),
  z.object({ kind: z.literal('threshold'), side: Side, instrument: Instrument, delta: Delta }).strict(),
  /** The option can no longer be proposed (e.g. the politics of it collapsed). */
  z.object({ kind: z.literal('withdrawOption'), issue: Id, option: Id }).strict(),
  z.object({ kind: z.literal('card'), card: Id, available: z.boolean() }).strict(),
]);

export const ShockSchema = z
  .object({
    id: Id,
    type: z.enum(['electoral', 'security', 'economic', 'institutional', 'diplomatic']),
    /** It happened; the historical arm of the lab keeps it. */
    historical: z.boolean(),
    /** Not active unless added by a counterfactual override or injected by an instructor. */
    pool: z.boolean(),
    /** Public knowledge in advance (an election date); shown in the briefing's calendar. */
    foreseen: z.boolean(),
    trigger: TriggerSchema,
    effects: z.array(EffectSchema).min(1),
    title: Text,
    narrative: Text,
    cite: Cites,
  })
  .strict();

export const CardSchema = z
  .object({
    id: Id,
    /** The delegation that can put this card on the table. */
    holder: Side,
    name: Text,
    description: Text,
    /** Utility added to each side's payoff when an agreement that includes the card is ratified. */
    value: z.object({ us: Delta, mx: Delta }).strict(),
    instrument: z.object({ us: Instrument, mx: Instrument }).strict(),
    available: z.boolean(),
    cite: Cites,
  })
  .strict();

export const HistorySchema = z
  .object({
    agreement: z.boolean(),
    /** What the issues historically came to, issue id -> option id (the status quo where nothing was agreed). */
    package: z.record(Id, Id),
    ratified: z.object({ us: z.boolean(), mx: z.boolean() }).strict(),
    /** The round in which the historical agreement was reached, if any. */
    round: Id.nullable(),
    summary: Text,
    /** Per-issue citation of the historical outcome. */
    issueCites: z.record(Id, Cites),
    /**
     * The comprehensive agreement the sources discuss, when there is one to speak of: a ratified deal that
     * moves every one of these issues off its status quo. The lab's calibration reports its likelihood.
     */
    comprehensive: z.object({ issues: z.array(Id).min(1), cite: Cites }).strict().optional(),
    cite: Cites,
  })
  .strict();

export const RulesSchema = z
  .object({
    /** How many counter-offers may follow the opening offer within one round. */
    maxCounters: z.number().int().min(0).max(5),
    /** Support gained per point of political capital spent lobbying one constituency. */
    lobbyEffect: z.number().min(0).max(0.5),
    statementCost: z.number().int().min(0).max(5),
    /** Support moved by a public statement, times the constituency's stake in it. */
    statementEffect: z.number().min(0).max(1),
    /** Approval lost by every voter when the deal falls short of a public commitment. */
    audienceCost: z.number().min(0).max(1),
    /** Trust the other side loses in a delegation that reneges on a ledger item. */
    renegeTrustCost: z.number().min(0).max(1),
    /** Trust moves after each offer: up when consistent, down when it takes back a concession. */
    consistencyTrustGain: z.number().min(0).max(0.5),
    retractionTrustCost: z.number().min(0).max(0.5),
    /** How much trust in the partner moves domestic approval of a deal: approval += effect * (trust - 0.5). */
    trustApprovalEffect: z.number().min(0).max(1),
    /**
     * Utility a delegation loses when its own side rejects the agreement it signed: a government that
     * signs what it cannot deliver is worse off than one that never signed.
     */
    failedRatificationCost: z.number().min(0).max(0.3),
    cite: Cites,
  })
  .strict();

export const SourceSchema = z
  .object({ file: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/), title: z.string().min(1), author: z.string().min(1), year: z.string().min(4) })
  .strict();

export const ScenarioSchema = z
  .object({
    $schema: z.string().optional(),
    id: Id,
    era: z.enum(['1942', '1995', '2001']),
    title: Text,
    summary: Text,
    /** The delegation that tables the first offer; proposers alternate by round. */
    firstMover: Side,
    calendar: z.array(RoundSchema).min(3).max(16),
    issues: z.array(IssueSchema).min(4, 'a scenario has 4 to 7 issues').max(7, 'a scenario has 4 to 7 issues'),
    delegations: z.object({ us: DelegationSchema, mx: DelegationSchema }).strict(),
    shocks: z.array(ShockSchema).min(4, 'a scenario needs at least 4 shocks'),
    cards: z.array(CardSchema),
    rules: RulesSchema,
    history: HistorySchema,
    sources: z.array(SourceSchema).min(1),
  })
  .strict();

export type Scenario = z.infer<typeof ScenarioSchema>;
export type Issue = z.infer<typeof IssueSchema>;
export type IssueOption = z.infer<typeof OptionSchema>;
export type Delegation = z.infer<typeof DelegationSchema>;
export type Constituency = z.infer<typeof ConstituencySchema>;
export type Shock = z.infer<typeof ShockSchema>;
export type Effect = z.infer<typeof EffectSchema>;
export type Trigger = z.infer<typeof TriggerSchema>;
export type Condition = z.infer<typeof ConditionSchema>;
export type Card = z.infer<typeof CardSchema>;
export type SideId = z.infer<typeof Side>;
export type InstrumentId = z.infer<typeof Instrument>;
export type LocalText = z.infer<typeof Text>;
export type Rules = z.infer<typeof RulesSchema>;
