// Everything that went wrong in a run, counted by kind, with the first few reasons kept to print.

export interface ErrorNote {
  /** Seconds since the run's start. */
  at: number;
  kind: string;
  where: string;
  reason: string;
}

export class ErrorLog {
  readonly byKind = new Map<string, number>();
  readonly first: ErrorNote[] = [];
  total = 0;

  constructor(
    private readonly t0: number,
    private readonly keep = 12,
  ) {}

  add(kind: string, where: string, reason: string): void {
    this.total++;
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
    if (this.first.length < this.keep) this.first.push({ at: (Date.now() - this.t0) / 1000, kind, where, reason: reason.slice(0, 300) });
  }
}
