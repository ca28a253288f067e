import { cyrillicWordLikelihood } from './cyrillic-bigram-model';

/**
 * Judges text that came out of decoding the same bytes with one candidate code page. All the
 * supported single-byte code pages agree on ASCII, so only the characters made from bytes
 * 0x80-0xFF tell them apart, and those are judged by the word they sit in: a right reading
 * gives whole Cyrillic words or Latin words with the odd accent; a wrong one gives box-drawing
 * characters, controls, words that switch script or case in the middle, or runs of accents.
 */

type CharClass = 'ascii-letter' | 'cyrillic' | 'latin' | 'separator' | 'junk';

const CYRILLIC_LETTER = /^[А-ЯЁЄІЇҐа-яёєіїґ]$/u;
const LATIN_ACCENTED_LETTER = /^[À-ÖØ-öø-ÿŒœŠšŽžŸ]$/u;
const ASCII_LETTER = /^[A-Za-z]$/;
/** Punctuation real spreadsheets carry (Ukrainian apostrophe, guillemets, dashes, "№"): neither for nor against. */
const NEUTRAL_PUNCTUATION = new Set(['«', '»', '“', '”', '„', '‘', '’', '‚', '–', '—', '…', '•', '№', '·', '\u00a0']);

/** A junk character (box drawing, control, replacement) costs twice a misshapen word's letter: it is never right. */
const JUNK_COST = 2;
/** Mean log-probability per letter pair that separates real words from scrambled ones; see the test for measured values. */
const LANGUAGE_MIDPOINT = -3.2;
const LANGUAGE_SPAN = 0.6;

function classify(char: string): CharClass {
  if (char < '\u0080') return ASCII_LETTER.test(char) ? 'ascii-letter' : 'separator';
  if (CYRILLIC_LETTER.test(char)) return 'cyrillic';
  if (LATIN_ACCENTED_LETTER.test(char)) return 'latin';
  return NEUTRAL_PUNCTUATION.has(char) ? 'separator' : 'junk';
}

interface Word {
  text: string;
  asciiLetters: number;
  cyrillic: number;
  latin: number;
  junk: number;
}

function emptyWord(): Word {
  return { text: '', asciiLetters: 0, cyrillic: 0, latin: 0, junk: 0 };
}

function addChar(word: Word, char: string, kind: Exclude<CharClass, 'separator'>): void {
  word.text += char;
  if (kind === 'ascii-letter') word.asciiLetters += 1;
  else if (kind === 'cyrillic') word.cyrillic += 1;
  else if (kind === 'latin') word.latin += 1;
  else word.junk += 1;
}

/** Words that hold at least one non-ASCII character: the only ones where candidates differ. */
function splitWords(text: string): { words: Word[]; nonAscii: number } {
  const words: Word[] = [];
  let nonAscii = 0;
  let current = emptyWord();
  const flush = (): void => {
    if (current.cyrillic + current.latin + current.junk > 0) words.push(current);
    current = emptyWord();
  };
  for (const char of text) {
    if (char >= '\u0080') nonAscii += 1;
    const kind = classify(char);
    if (kind === 'separator') flush();
    else addChar(current, char, kind);
  }
  flush();
  return { words, nonAscii };
}

/**
 * Lower case, Capitalised or ALL CAPS. A wrong KOI8/1251 reading swaps case letter by letter,
 * so "Телефон" read the wrong way comes out as "рЕЛЕФОН".
 */
function hasPlausibleCase(word: string): boolean {
  const rest = word.slice(1);
  return word === word.toLowerCase() || word === word.toUpperCase() || rest === rest.toLowerCase();
}

/** Western words carry an accent here and there ("José", "Müller"); Cyrillic read as 1252 is all accents ("Òåëåôîí"). */
function hasPlausibleAccents(word: Word): boolean {
  return word.latin * 2 <= word.latin + word.asciiLetters + 1;
}

/** +1 per non-ASCII character of a plausible word, minus a cost for each one of a broken word. */
function wordShape(word: Word): number {
  const letters = word.cyrillic + word.latin;
  if (word.junk > 0) return -(JUNK_COST * word.junk + letters);
  if (word.cyrillic > 0 && word.asciiLetters + word.latin > 0) return -letters;
  if (word.cyrillic > 0) return hasPlausibleCase(word.text) ? letters : -letters;
  return hasPlausibleAccents(word) ? letters : -letters;
}

export interface TextPlausibility {
  /** Higher is more plausible; only comparable between readings of the same bytes. */
  score: number;
  /** Characters from the upper half of the code page (0x80-0xFF). */
  nonAsciiChars: number;
  /** How many of those sit in words that look right. */
  plausibleChars: number;
  /** Mean log-probability per letter pair of the pure Cyrillic words, or null when there are none. */
  cyrillicLogProb: number | null;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

export function scoreDecodedText(text: string): TextPlausibility {
  const { words, nonAscii } = splitWords(text);
  let shape = 0;
  let plausibleChars = 0;
  let logProb = 0;
  let pairs = 0;
  let cyrillicOnlyLetters = 0;
  for (const word of words) {
    const value = wordShape(word);
    shape += value;
    if (value > 0) plausibleChars += value;
    if (word.cyrillic > 0 && word.cyrillic === word.text.length) {
      const likelihood = cyrillicWordLikelihood(word.text);
      logProb += likelihood.logProb;
      pairs += likelihood.pairs;
      cyrillicOnlyLetters += word.cyrillic;
    }
  }
  if (nonAscii === 0) return { score: 0, nonAsciiChars: 0, plausibleChars: 0, cyrillicLogProb: null };
  const cyrillicLogProb = pairs > 0 ? logProb / pairs : null;
  // Shape alone cannot tell 1251 from KOI8 in text that is all one case; letter pairs can,
  // weighted by how much of the text they cover so a stray Cyrillic word cannot outvote the rest.
  const language =
    cyrillicLogProb === null ? 0 : clamp((cyrillicLogProb - LANGUAGE_MIDPOINT) / LANGUAGE_SPAN, -1, 1);
  const score = shape / nonAscii + (language * cyrillicOnlyLetters) / nonAscii;
  return { score, nonAsciiChars: nonAscii, plausibleChars, cyrillicLogProb };
}
