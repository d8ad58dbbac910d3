// Automatic seating: the table with fewest students, then its delegation with fewer, seats filled lead
// first; finished tables take no one; seat ids and what they mean to the engine.
import { describe, expect, it } from 'vitest';
import { chooseSeat, seatInfo } from '../../src/server/seating';

const table = (tableNo: number, taken: string[], open = true) => ({ tableNo, open, taken: new Set(taken) });

describe('chooseSeat', () => {
  it('goes to the table with fewest students, the lower number on a tie', () => {
    expect(chooseSeat([table(1, ['us.lead']), table(2, [])], 2)).toEqual({ tableNo: 2, seat: 'us.lead' });
    expect(chooseSeat([table(1, ['us.lead']), table(2, ['us.lead'])], 2)).toEqual({ tableNo: 1, seat: 'mx.lead' });
  });

  it('takes the delegation with fewer students, the lead’s seat first, then the advisers in order', () => {
    expect(chooseSeat([table(1, ['us.lead', 'mx.lead'])], 3)).toEqual({ tableNo: 1, seat: 'us.adviser' });
    expect(chooseSeat([table(1, ['us.lead', 'mx.lead', 'us.adviser'])], 3)).toEqual({ tableNo: 1, seat: 'mx.adviser' });
    expect(chooseSeat([table(1, ['us.lead', 'mx.lead', 'us.adviser', 'mx.adviser'])], 3)).toEqual({ tableNo: 1, seat: 'us.adviser2' });
    // A delegation whose lead left keeps its advisers: the lead's seat is the one filled.
    expect(chooseSeat([table(1, ['us.adviser', 'mx.lead', 'mx.adviser'])], 2)).toEqual({ tableNo: 1, seat: 'us.lead' });
  });

  it('skips finished tables and says when every open seat is taken', () => {
    expect(chooseSeat([table(1, [], false), table(2, ['us.lead'])], 1)).toEqual({ tableNo: 2, seat: 'mx.lead' });
    expect(chooseSeat([table(1, ['us.lead', 'mx.lead']), table(2, [], false)], 1)).toBeNull();
  });
});

describe('seatInfo', () => {
  it('maps a class’s seats to their side, role and engine seat; refuses seats the class does not have', () => {
    expect(seatInfo('us.lead', 1)).toEqual({ side: 'us', role: 'lead', engineSeat: 'us.lead' });
    expect(seatInfo('mx.adviser', 2)).toEqual({ side: 'mx', role: 'adviser', engineSeat: 'mx.adviser' });
    expect(seatInfo('mx.adviser2', 3)).toEqual({ side: 'mx', role: 'adviser', engineSeat: 'mx.adviser' });
    expect(seatInfo('mx.adviser2', 2)).toBeNull();
    expect(seatInfo('instructor', 3)).toBeNull();
  });
});
