// The classroom screens' own memory between redraws (what is typed in a form, a confirmation open, the
// console's choices): kept per overlay, next to the overlay's memory, and never in the app state.
import type { FormError, SetupForm } from '../../../app/classroom-forms';
import type { Memory } from '../../context';
import type { ArmEdit } from '../../lab/shock-edits';

export interface ClassroomMemory {
  join: { code: string | null; name: string; errors: FormError[] };
  setup: { form: SetupForm | null; errors: FormError[] };
  console: {
    target: 'all' | number;
    extend: string;
    shock: string;
    broadcast: string;
    /** The override's shock edits (null until the scenario is known). */
    edits: ArmEdit | null;
    confirmEnd: boolean;
    /** Per student id: the seat chosen to move them to ("3:mx.lead"). */
    moves: Record<string, string>;
    /** The console form's own problems (e.g. an empty broadcast), by field id. */
    errors: { field: string; message: string }[];
    /** The created class whose links the instructor has copied, by which link. */
    copied: string | null;
  };
  leaveConfirm: boolean;
}

const memories = new WeakMap<Memory, ClassroomMemory>();

export function classroomMemory(memory: Memory): ClassroomMemory {
  let m = memories.get(memory);
  if (!m) {
    m = {
      join: { code: null, name: '', errors: [] },
      setup: { form: null, errors: [] },
      console: { target: 'all', extend: '60', shock: '', broadcast: '', edits: null, confirmEnd: false, moves: {}, errors: [], copied: null },
      leaveConfirm: false,
    };
    memories.set(memory, m);
  }
  return m;
}
