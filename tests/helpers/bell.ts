// Waiting on state that changes by callbacks (network messages, a client's updates): whoever changes it
// rings the bell, and `until` resolves once its check holds. The time limit is a hang guard that rejects
// after a long while, never a timing assertion.
export class Bell {
  private readonly waiters = new Set<() => void>();
  ring(): void {
    for (const w of [...this.waiters]) w();
  }
  /** The next ring, whatever changed. */
  next(): Promise<void> {
    return new Promise((resolve) => {
      const w = () => {
        this.waiters.delete(w);
        resolve();
      };
      this.waiters.add(w);
    });
  }

  until(check: () => boolean, what: string, ms = 120_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(w);
        reject(new Error(`gave up waiting for ${what}`));
      }, ms);
      const w = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters.delete(w);
        resolve();
      };
      this.waiters.add(w);
    });
  }
}
