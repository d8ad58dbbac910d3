// A labelled form control of the classroom forms (join, class set-up): the label, the control, its help
// and its problem, with the ids and aria attributes that tie them together — written once, so every field
// reads the same to a screen reader.
import { type Attrs, type Child, h } from '../../dom';
import { fieldState } from './words';

export interface FieldSpec {
  /** The control's id (and data-testid); the help and the problem take their ids from it. */
  id: string;
  label: string;
  /** Help under the control; it describes the control (id `${id}-help`) unless `helpLinked` is false. */
  help?: string | null;
  helpLinked?: boolean;
  /** The field's problem, shown under the help and announced with the control; null when it has none. */
  problem?: string | null;
  /** The control's own attributes (type, value, autocomplete, disabled…). */
  attrs?: Attrs;
}

function field(spec: FieldSpec, control: (describe: Attrs) => HTMLElement): HTMLElement {
  const helpId = spec.help && spec.helpLinked !== false ? `${spec.id}-help` : undefined;
  const st = fieldState(spec.id, spec.problem ?? null, helpId);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: spec.id }, spec.label),
    control(st.attrs),
    spec.help ? h('p', { class: 'help', id: helpId }, spec.help) : null,
    st.message,
  );
}

/** A labelled one-line text input; `onInput` receives what the user typed. */
export function textField(spec: FieldSpec & { value: string; onInput: (value: string) => void }): HTMLElement {
  return field(spec, (describe) =>
    h('input', {
      type: 'text',
      id: spec.id,
      'data-testid': spec.id,
      value: spec.value,
      ...spec.attrs,
      ...describe,
      oninput: (ev: Event) => spec.onInput((ev.target as HTMLInputElement).value),
    }),
  );
}

/** A labelled select of `options`; `onChange` receives the chosen value. */
export function selectField(spec: FieldSpec & { options: Child[]; onChange: (value: string) => void }): HTMLElement {
  return field(spec, (describe) =>
    h(
      'select',
      {
        id: spec.id,
        'data-testid': spec.id,
        ...spec.attrs,
        ...describe,
        onchange: (ev: Event) => spec.onChange((ev.target as HTMLSelectElement).value),
      },
      spec.options,
    ),
  );
}
