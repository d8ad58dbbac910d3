// The list of what a form refused, shown above it: each message links to its field, and following the link
// moves the keyboard focus there (the pattern of the GOV.UK error summary). Shared by every form that checks
// its fields before it acts (the Lab, the debrief's replay panel).
import { type Child, h } from './dom';

export interface SummaryError {
  field: string;
  message: string;
}

export function errorSummary(opts: { id: string; className: string; heading: Child; errors: readonly SummaryError[] }): HTMLElement | null {
  if (!opts.errors.length) return null;
  return h(
    'div',
    { class: opts.className, role: 'alert', id: opts.id, tabindex: -1, 'data-testid': opts.id },
    opts.heading,
    h(
      'ul',
      {},
      opts.errors.map((e) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: `#${e.field}`,
              onclick: (ev: Event) => {
                ev.preventDefault();
                document.getElementById(e.field)?.focus();
              },
            },
            e.message,
          ),
        ),
      ),
    ),
  );
}
