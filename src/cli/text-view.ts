// The terminal rendering of a delegation's view: its brief, the board, events and the outcome.
// It reads the projection only; every fixed sentence comes from the locale files.
import type { GameAnalysis, GameEvent, View } from '../engine';
import { evaluateDraft } from '../engine/evaluate';
import { type Locale, t } from '../i18n/translate';

const pct = (x: number) => Math.round(x * 100);
const num = (x: number) => (Math.round(x * 100) / 100).toFixed(2);

export class TextView {
  constructor(
    private view: View,
    readonly lang: Locale,
  ) {}

  update(view: View): void {
    this.view = view;
  }

  private text(x: { en: string; es: string }): string {
    return x[this.lang];
  }
  sideName(side: 'us' | 'mx'): string {
    return this.text(this.view.scenario.delegations[side].name);
  }
  issueName(id: string): string {
    const issue = this.view.scenario.issues.find((i) => i.id === id);
    return issue ? this.text(issue.name) : id;
  }
  optionLabel(issueId: string, optionId: string): string {
    const o = this.view.scenario.issues.find((i) => i.id === issueId)?.options.find((x) => x.id === optionId);
    return o ? this.text(o.label) : optionId;
  }
  constituencyName(id: string): string {
    const c = this.view.brief?.constituencies.find((x) => x.id === id);
    return c ? this.text(c.name) : id;
  }
  packageText(pkg: Record<string, string>): string {
    return Object.entries(pkg)
      .map(([i, o]) => `${this.issueName(i)}: ${this.optionLabel(i, o)}`)
      .join('; ');
  }

  brief(): string[] {
    const v = this.view;
    const own = v.own!;
    const b = v.brief!;
    const out = [t(this.lang, 'cli.briefHeading'), this.text(b.brief), '', t(this.lang, 'cli.priorities')];
    v.scenario.issues.forEach((issue, i) => {
      const values = issue.options.map((o, k) => `${k}:${o.id}=${pct(own.values[i]![k]!)}`).join('  ');
      out.push(`  ${this.text(issue.name)} (${pct(own.weights[i]!)}%, ${t(this.lang, `salience.${issue.salience}`)}): ${values}`);
    });
    out.push('', t(this.lang, 'cli.reservation', { value: num(own.reservation), label: this.text(b.reservationLabel) }));
    out.push('', t(this.lang, 'cli.constituencies'));
    own.constituencies.forEach((c, k) => {
      out.push(`  ${c.id} — ${this.text(b.constituencies[k]!.name)}: ${pct(c.support)}%, ${c.ratificationWeight}`);
    });
    for (const instrument of ['executive', 'legislation', 'treaty'] as const) {
      out.push(
        t(this.lang, 'cli.ratificationRules', {
          instrument: t(this.lang, `instrument.${instrument}`),
          threshold: pct(own.thresholds[instrument]),
          voters: own.voters[instrument].map((k) => own.constituencies[k]!.id).join(', '),
        }),
      );
    }
    out.push('', t(this.lang, 'cli.capital', { capital: own.capital, perRound: own.capitalPerRound, trust: pct(own.trust) }));
    out.push('', t(this.lang, 'cli.calendar'));
    for (const [k, r] of v.scenario.calendar.entries()) out.push(`  ${k + 1}. ${r.date} ${this.text(r.label)}`);
    for (const f of v.foreseen) out.push(t(this.lang, 'cli.foreseen', { title: this.text(f.title), round: v.scenario.calendar[f.round]!.date }));
    return out;
  }

  board(): string[] {
    const v = this.view;
    const r = v.scenario.calendar[v.round]!;
    const out = [
      t(this.lang, 'cli.round', { n: v.round + 1, total: v.scenario.calendar.length, label: this.text(r.label), date: r.date }),
      t(this.lang, 'cli.deadline', { label: this.text(v.scenario.calendar[v.deadline]!.label) }),
    ];
    if (v.round < v.suspendedUntil) out.push(t(this.lang, 'cli.suspended'));
    out.push(
      t(this.lang, 'cli.phaseTurn', {
        phase: t(this.lang, `phase.${v.phase}`),
        who: v.awaiting.map((s) => this.sideName(s)).join(', ') || '—',
      }),
    );
    const theirs = [...v.offers].reverse().find((o) => o.by !== v.side);
    const mine = [...v.offers].reverse().find((o) => o.by === v.side);
    out.push('', t(this.lang, 'cli.issuesHeading'));
    for (const issue of v.scenario.issues) {
      const agreed = v.ledger[issue.id];
      const gone = v.withdrawn[issue.id] ?? [];
      const scale = issue.options
        .map((o, k) => {
          const marks = `${agreed === o.id ? '[x]' : ''}${theirs?.package[issue.id] === o.id ? '>' : ''}${mine?.package[issue.id] === o.id ? '*' : ''}`;
          return `${k}:${o.id}${gone.includes(o.id) ? '(—)' : ''}${marks}`;
        })
        .join('  ');
      out.push(`  ${issue.id} — ${this.text(issue.name)}: ${scale}`);
    }
    const ledger = Object.keys(v.ledger).length ? t(this.lang, 'cli.ledger', { items: this.packageText(v.ledger) }) : t(this.lang, 'cli.ledgerEmpty');
    out.push('', ledger);
    const own = v.own!;
    out.push(t(this.lang, 'cli.capital', { capital: own.capital, perRound: own.capitalPerRound, trust: pct(own.trust) }));
    const cards = v.cards.filter((c) => c.holder === v.side && c.available && !c.used);
    if (cards.length) out.push(t(this.lang, 'cli.cards', { cards: cards.map((c) => `+${c.id}`).join(' ') }));
    if (v.offer) {
      out.push(t(this.lang, 'cli.offerOnTable', { side: this.sideName(v.offer.by), package: this.packageText(v.offer.package) }) + this.cardsText(v.offer.cards));
      if (v.offer.by !== v.side) out.push(...this.evaluation({ ...v.offer.package }, v.offer.cards));
    }
    return out;
  }

  private cardsText(cards: readonly string[]): string {
    if (!cards.length) return '';
    return t(this.lang, 'cli.withCards', { cards: cards.map((c) => this.text(this.view.scenario.cards.find((x) => x.id === c)!.name)).join(', ') });
  }

  /** What a draft is worth to the viewer and how its ratification vote looks. */
  evaluation(pkg: Record<string, string>, cards: readonly string[] = []): string[] {
    const ev = evaluateDraft(this.view, pkg, cards);
    return [
      t(this.lang, 'cli.evalLine', {
        utility: num(ev.utility),
        discounted: num(ev.discounted),
        reservation: num(ev.reservation),
        odds: pct(ev.ratification.probability),
        instrument: t(this.lang, `instrument.${ev.ratification.instrument}`),
      }),
      ...ev.ratification.voters.map((x) => t(this.lang, 'cli.voterLine', { name: this.constituencyName(x.id), approval: pct(x.approval) })),
    ];
  }

  event(e: GameEvent): string[] {
    const L = this.lang;
    switch (e.type) {
      case 'roundStarted': {
        // The round the event opened (a resumed game replays earlier rounds under the current view).
        const r = this.view.scenario.calendar[e.round]!;
        return ['', t(this.lang, 'cli.round', { n: e.round + 1, total: this.view.scenario.calendar.length, label: this.text(r.label), date: r.date })];
      }
      case 'shockFired': {
        const s = this.view.fired.find((f) => f.id === e.shock);
        return s ? [t(L, 'cli.shock', { title: this.text(s.title), narrative: this.text(s.narrative) })] : [];
      }
      case 'proposed':
        return [
          t(L, e.kind === 'counter' ? 'cli.event.countered' : 'cli.event.proposed', { side: this.sideName(e.side), package: this.packageText(e.options) }) +
            this.cardsText(e.cards),
        ];
      case 'accepted':
        return [t(L, 'cli.event.accepted', { side: this.sideName(e.side), issues: e.issues.map((i) => this.issueName(i)).join(', ') })];
      case 'rejected':
        return [t(L, 'cli.event.rejected', { side: this.sideName(e.side) })];
      case 'reneged':
        return [t(L, 'cli.event.reneged', { side: this.sideName(e.side), issue: this.issueName(e.issue) })];
      case 'lobbied':
        return [t(L, 'cli.event.lobbied', { constituency: this.constituencyName(e.constituency), amount: e.amount })];
      case 'statement':
        return [t(L, 'cli.event.statement', { side: this.sideName(e.side), issue: this.issueName(e.issue), option: this.optionLabel(e.issue, e.option) })];
      case 'passed':
        return [t(L, 'cli.event.passed', { side: this.sideName(e.side) })];
      case 'walkedAway':
        return [t(L, 'cli.event.walkedAway', { side: this.sideName(e.side) })];
      case 'signed':
        return ['', t(L, 'cli.event.signed', { package: this.packageText(e.package) }) + this.cardsText(e.cards)];
      case 'ratification':
        return [
          t(L, 'cli.event.ratification', {
            side: this.sideName(e.side),
            instrument: t(L, `instrument.${e.result.instrument}`),
            yes: pct(e.result.yesShare),
            threshold: pct(e.result.threshold),
            result: t(L, e.result.passed ? 'cli.event.passedVote' : 'cli.event.failedVote'),
          }),
        ];
      case 'ended':
        return [];
    }
  }

  outcome(analysis?: GameAnalysis): string[] {
    const v = this.view;
    const o = v.outcome!;
    const L = this.lang;
    const out = [
      '',
      t(L, 'cli.outcome', { reason: t(L, `reason.${o.reason}`, { side: o.walkedAwayBy ? this.sideName(o.walkedAwayBy) : '' }) }),
      t(L, 'cli.scores', { us: this.sideName('us'), usScore: o.scores.us, mx: this.sideName('mx'), mxScore: o.scores.mx }),
    ];
    if (v.reveal) {
      out.push('', t(L, 'cli.debrief'));
      for (const side of ['us', 'mx'] as const) {
        const m = v.reveal.sides[side];
        const top = v.scenario.issues
          .map((issue, i) => ({ name: this.text(issue.name), w: m.weights[i]! }))
          .sort((a, b) => b.w - a.w)
          .slice(0, 2)
          .map((x) => `${x.name} ${pct(x.w)}%`)
          .join(', ');
        out.push(t(L, 'cli.reservationOf', { side: this.sideName(side), value: num(m.reservation), top }));
        out.push(`  ${this.text(v.reveal.briefs[side].brief)}`);
      }
      out.push('', t(L, 'cli.history', { summary: this.text(v.reveal.history.summary) }));
    }
    if (analysis) {
      out.push(t(L, 'cli.historyDistance', { distance: pct(analysis.history.mean) }));
      out.push(
        t(L, 'cli.frontier', {
          distance: num(analysis.distanceToFrontier),
          nash: analysis.nash ? `(${num(analysis.nash.us)}, ${num(analysis.nash.mx)})` : t(L, 'cli.noNash'),
        }),
      );
    }
    return out;
  }
}
