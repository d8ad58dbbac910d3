import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES } from '../../src/engine';
import { allKeys, lookup, t } from '../../src/i18n/translate';

describe('locales', () => {
  it('English and Spanish have exactly the same keys', () => {
    expect(allKeys('es')).toEqual(allKeys('en'));
  });
  it('every refusal the engine can give has a message in both languages', () => {
    for (const code of REFUSAL_CODES) {
      expect(lookup('en', `refusal.${code}`), code).toBeTruthy();
      expect(lookup('es', `refusal.${code}`), code).toBeTruthy();
    }
  });
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(t('es', 'refusal.insufficient-capital', { need: 2, have: 1 })).toBe('Capital político insuficiente: necesita 2 y le quedan 1.');
    expect(t('en', 'refusal.unknown-issue')).toBe('There is no issue "{issue}".');
  });
});
