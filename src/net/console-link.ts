// The instructor's link to the console room: the class's summary on joining and on every change. It keeps
// itself connected like a table link; a refused secret or an unknown class ends it.
import type { ClassSummary, Refused } from '../content/classroom-schema';
import type { RoomLink, RoomLinkEvents } from './room-link';
import type { ConsoleChannel, ConsoleEvents } from './types';

const FINAL = new Set(['not-instructor', 'unknown-class']);

export class ConsoleLink implements ConsoleChannel {
  private readonly link: RoomLink;

  constructor(
    private readonly events: ConsoleEvents,
    make: (on: RoomLinkEvents) => RoomLink,
  ) {
    this.link = make({
      opened: () => undefined,
      status: (status, end) => this.events.status(status, end),
      message: (type, payload) => {
        if (typeof payload !== 'object' || payload === null) return;
        if (type === 'summary') this.events.summary(payload as ClassSummary);
        else if (type === 'refused') {
          const r = payload as Refused;
          this.events.refused(r);
          if (FINAL.has(r.code)) this.link.stop({ code: r.code as 'not-instructor', reason: r.reason });
        }
      },
    });
  }

  start(): void {
    this.link.start();
  }

  wake(): void {
    this.link.wake();
  }

  leave(): void {
    this.link.stop({ code: 'left', reason: 'the instructor closed the console' });
  }
}
