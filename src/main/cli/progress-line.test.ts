import { describe, expect, it } from 'vitest';

import { formatSeconds, ProgressLine, progressText } from './progress-line';

describe('progress on the command line', () => {
  it('says how far, how fast and how long still, in plain words', () => {
    expect(progressText({ done: 1234, total: 2000, ratePerSecond: 150.5, etaSeconds: 6 })).toBe('1234 of 2000 numbers done (61%), 150.5 a second, about 6 s left');
    expect(progressText({ done: 0, total: 10, ratePerSecond: 0, etaSeconds: null })).toBe('0 of 10 numbers done (0%)');
    expect(progressText({ done: 10, total: 10, ratePerSecond: 4, etaSeconds: 0 })).toBe('10 of 10 numbers done (100%), 4 a second');
    expect(progressText({ done: 0, total: 0, ratePerSecond: 0, etaSeconds: 0 })).toBe('0 of 0 numbers done (100%)');
  });

  it('writes durations a supervisor reads at a glance', () => {
    expect(formatSeconds(45)).toBe('45 s');
    expect(formatSeconds(185)).toBe('3 min 05 s');
    expect(formatSeconds(7800)).toBe('2 h 10 min');
    expect(formatSeconds(-3)).toBe('0 s');
  });

  it('rewrites one terminal line at most every 250 ms while a run sends, shows the end once, and puts notes on lines of their own', () => {
    let now = 0;
    const out: string[] = [];
    const line = new ProgressLine((text) => out.push(text), { tty: true, now: () => now });
    line.update({ done: 0, total: 10, ratePerSecond: 0, etaSeconds: null });
    line.begin();
    line.update({ done: 1, total: 10, ratePerSecond: 0, etaSeconds: null });
    now = 100;
    line.update({ done: 2, total: 10, ratePerSecond: 10, etaSeconds: 1 });
    now = 300;
    line.update({ done: 3, total: 10, ratePerSecond: 10, etaSeconds: 1 });
    line.note('Pausing…');
    now = 310;
    line.update({ done: 10, total: 10, ratePerSecond: 10, etaSeconds: 0 });
    line.update({ done: 10, total: 10, ratePerSecond: 10, etaSeconds: 0 });
    line.end();
    line.end();
    line.update({ done: 10, total: 10, ratePerSecond: 10, etaSeconds: 0 });
    expect(out).toEqual([
      '\r1 of 10 numbers done (10%)\x1b[K',
      '\r3 of 10 numbers done (30%), 10 a second, about 1 s left\x1b[K',
      '\n',
      'Pausing…\n',
      '\r10 of 10 numbers done (100%), 10 a second\x1b[K',
      '\n',
    ]);
  });

  it('writes whole lines every few seconds in a log, and nothing but notes with updates off', () => {
    let now = 0;
    const out: string[] = [];
    const log = new ProgressLine((text) => out.push(text), { tty: false, now: () => now });
    log.begin();
    log.update({ done: 1, total: 10, ratePerSecond: 0, etaSeconds: null });
    now = 4000;
    log.update({ done: 5, total: 10, ratePerSecond: 1, etaSeconds: 5 });
    now = 5000;
    log.update({ done: 6, total: 10, ratePerSecond: 1, etaSeconds: 4 });
    log.end();
    expect(out).toEqual(['1 of 10 numbers done (10%)\n', '6 of 10 numbers done (60%), 1 a second, about 4 s left\n']);

    const quiet: string[] = [];
    const json = new ProgressLine((text) => quiet.push(text), { tty: true, updates: false });
    json.begin();
    json.update({ done: 10, total: 10, ratePerSecond: 1, etaSeconds: 0 });
    json.note('Job j1 started');
    expect(quiet).toEqual(['Job j1 started\n']);
  });
});
