// Classroom words shared by its screens: a server's refusal code and a form rule in the player's language,
// and a field's error wiring (aria-invalid, aria-describedby, the message next to the field).
import type { FormError } from '../../../app/classroom-forms';
import { type Locale, lookup } from '../../../i18n/translate';
import { h } from '../../dom';
import { tr } from '../../i18n';

/** A classroom refusal or failure ('bad-code', 'network'…) in words; an unknown code is named as it came. */
export function problemText(lang: Locale, code: string): string {
  return lookup(lang, `ui.classroom.error.${code}`) ?? tr(lang, 'classroom.error.unknown', { code });
}

export function ruleText(lang: Locale, e: FormError): string {
  const template = lookup(lang, `ui.classroom.rule.${e.rule}`) ?? lookup(lang, 'ui.classroom.rule.invalid') ?? e.rule;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (e.params && k in e.params ? String(e.params[k]) : m));
}

/** The attributes and the message of a field with its problem (if any), the help text's id kept. */
export function fieldState(field: string, message: string | null, help?: string): { attrs: Record<string, string | null>; message: HTMLElement | null } {
  return {
    attrs: { 'aria-invalid': message ? 'true' : null, 'aria-describedby': [help, message ? `${field}-error` : null].filter(Boolean).join(' ') || null },
    message: message ? h('p', { class: 'field-error', id: `${field}-error`, 'data-testid': `${field}-error` }, message) : null,
  };
}
