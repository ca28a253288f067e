import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { scoreDecodedText } from './score-decoded-text';

/** What the bytes of `text` in `from` look like when read as `as`. */
function misread(text: string, from: string, as: string): string {
  return iconv.decode(iconv.encode(text, from), as);
}

describe('scoreDecodedText', () => {
  it('gives ASCII-only text a neutral score, as every code page reads it alike', () => {
    expect(scoreDecodedText('Phone;Name\n380931234567;Ivanov')).toEqual({
      score: 0,
      nonAsciiChars: 0,
      plausibleChars: 0,
      cyrillicLogProb: null,
    });
  });

  it('counts every letter of real Cyrillic words as plausible', () => {
    const result = scoreDecodedText('Телефон;ПІБ\n380931234567;Шевченко Тарас');
    expect(result.nonAsciiChars).toBe(23);
    expect(result.plausibleChars).toBe(23);
    expect(result.score).toBeGreaterThan(1.5);
  });

  it('punishes case flipping inside a word, the mark of 1251 read as KOI8', () => {
    const wrong = misread('Телефон Шевченко', 'windows-1251', 'koi8-r');
    expect(wrong.startsWith('р')).toBe(true);
    expect(scoreDecodedText(wrong).plausibleChars).toBe(0);
    expect(scoreDecodedText(wrong).score).toBeLessThan(0);
  });

  it('punishes box-drawing characters, the mark of 1251 read as CP866', () => {
    const wrong = misread('ПІБ Тарас', 'windows-1251', 'cp866');
    expect(wrong).toMatch(/[\u2500-\u257f]/);
    expect(scoreDecodedText(wrong).score).toBeLessThanOrEqual(-1);
  });

  it('punishes words that mix Latin and Cyrillic, the mark of 1252 read as 1251', () => {
    expect(misread('Müller', 'windows-1252', 'windows-1251')).toBe('Mьller');
    expect(scoreDecodedText('Mьller').score).toBe(-1);
    expect(scoreDecodedText('Müller').score).toBe(1);
  });

  it('punishes words made only of accents, the mark of Cyrillic read as 1252', () => {
    expect(misread('Телефон', 'windows-1251', 'windows-1252')).toBe('Òåëåôîí');
    expect(scoreDecodedText('Òåëåôîí').score).toBe(-1);
    expect(scoreDecodedText('José Núñez Françoise Straße à').score).toBe(1);
  });

  it('leaves typographic punctuation neutral', () => {
    const result = scoreDecodedText('«№» —');
    expect(result).toMatchObject({ nonAsciiChars: 4, plausibleChars: 0, score: 0 });
  });

  it('prefers the right reading of ALL-CAPS text by its letter pairs alone', () => {
    const right = scoreDecodedText('ТЕЛЕФОН ПРИМЕЧАНИЕ');
    const wrong = scoreDecodedText(misread('ТЕЛЕФОН ПРИМЕЧАНИЕ', 'windows-1251', 'koi8-r'));
    expect(wrong.plausibleChars).toBe(right.plausibleChars);
    expect(right.score).toBeGreaterThan(wrong.score + 1);
  });
});
