// Where a student sits: automatic balancing (the table with fewest students, then its delegation with
// fewer, seats filled lead first), and what a seat id means to the engine. Pure functions.
import { type ROLES, seatIdsOf } from '../content/classroom-schema';
import type { Side } from '../engine';

export interface TableSeats {
  tableNo: number;
  /** Whether automatic seating may place a student here (a finished game takes no one). */
  open: boolean;
  /** Seat ids held by students. */
  taken: ReadonlySet<string>;
}

const SIDES: readonly Side[] = ['us', 'mx'];

const countSide = (taken: ReadonlySet<string>, side: Side): number => [...taken].filter((s) => s.startsWith(`${side}.`)).length;

/** The seat a new student gets, or null when every open table is full. */
export function chooseSeat(tables: readonly TableSeats[], seatsPerSide: number): { tableNo: number; seat: string } | null {
  const order = tables.filter((t) => t.open).sort((a, b) => a.taken.size - b.taken.size || a.tableNo - b.tableNo);
  for (const t of order) {
    const sides = [...SIDES].sort((a, b) => countSide(t.taken, a) - countSide(t.taken, b));
    for (const side of sides) {
      const seat = seatIdsOf(side, seatsPerSide).find((s) => !t.taken.has(s));
      if (seat) return { tableNo: t.tableNo, seat };
    }
  }
  return null;
}

export interface SeatInfo {
  side: Side;
  role: (typeof ROLES)[number];
  /** The seat the engine knows: the lead, or the delegation's adviser (every adviser speaks as it). */
  engineSeat: string;
}

/** What a seat id of a class with `seatsPerSide` seats per delegation means, or null if it is not one of them. */
export function seatInfo(seat: string, seatsPerSide: number): SeatInfo | null {
  for (const side of SIDES) {
    const k = seatIdsOf(side, seatsPerSide).indexOf(seat);
    if (k === 0) return { side, role: 'lead', engineSeat: `${side}.lead` };
    if (k > 0) return { side, role: 'adviser', engineSeat: `${side}.adviser` };
  }
  return null;
}

export const leadSeatOf = (side: Side): string => `${side}.lead`;
