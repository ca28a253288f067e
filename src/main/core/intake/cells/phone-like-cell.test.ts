import { describe, expect, it } from 'vitest';

import { looksLikePhoneData } from './phone-like-cell';

describe('looksLikePhoneData', () => {
  it.each(['380931234567', '+38 (093) 123-45-67', '093-123-45-67', '123-45-67', '380931234567 доб. 12', '3.8093E+11', ' 0671112233 '])(
    'takes %j for a phone number',
    (cell) => {
      expect(looksLikePhoneData(cell)).toBe(true);
    },
  );

  it.each(['', '101', 'Телефон', 'Список абонентів на 12.03.2025', '12.03.2025', '12.03.2025 10:30', '2025-03-12', '12/03/25', 'тел. роб. 1234567, дом.'])(
    'does not take %j for a phone number',
    (cell) => {
      expect(looksLikePhoneData(cell)).toBe(false);
    },
  );
});
