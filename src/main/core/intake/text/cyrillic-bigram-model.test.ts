import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { cyrillicWordLikelihood } from './cyrillic-bigram-model';

function meanLogProb(words: readonly string[]): number {
  let logProb = 0;
  let pairs = 0;
  for (const word of words) {
    const likelihood = cyrillicWordLikelihood(word);
    logProb += likelihood.logProb;
    pairs += likelihood.pairs;
  }
  return logProb / pairs;
}

// None of these words is in the training sample: the model must generalise to them.
const UKRAINIAN = ['Шевченко', 'Тарас', 'Григорович', 'передзвонити', 'ввечері', 'Гнатюк', 'цікавиться'];
const RUSSIAN = ['Щербаков', 'Белоусова', 'Жанна', 'просила', 'прислать', 'счёт', 'вечером'];

function koi8Misreading(words: readonly string[]): string[] {
  return words.map((word) => iconv.decode(iconv.encode(word, 'windows-1251'), 'koi8-u'));
}

describe('cyrillicWordLikelihood', () => {
  it('counts one pair per letter plus the word end', () => {
    expect(cyrillicWordLikelihood('ПІБ').pairs).toBe(4);
  });

  it('ignores letter case', () => {
    expect(cyrillicWordLikelihood('ТЕЛЕФОН').logProb).toBe(cyrillicWordLikelihood('телефон').logProb);
  });

  it('scores unseen Ukrainian and Russian words above the midpoint the scorer uses (-3.2)', () => {
    expect(meanLogProb(UKRAINIAN)).toBeGreaterThan(-3.0);
    expect(meanLogProb(RUSSIAN)).toBeGreaterThan(-3.0);
  });

  it('scores the same words read in the wrong code page below it', () => {
    expect(meanLogProb(koi8Misreading(UKRAINIAN))).toBeLessThan(-3.5);
    expect(meanLogProb(koi8Misreading(RUSSIAN))).toBeLessThan(-3.5);
  });

  it('knows that no word starts with a soft sign', () => {
    expect(cyrillicWordLikelihood('ьно').logProb).toBeLessThan(cyrillicWordLikelihood('оно').logProb - 3);
  });
});
