import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import type { CallInput, EventPayload } from '../../../shared/contract';
import type { JobSummary, UnknownChoice } from '../../../shared/jobs';
import { type Problem, problemOf } from '../i18n/problem';

export type JobProgressEvent = EventPayload<'jobProgress'>;
type UploadTarget = CallInput<'sendSheet'>;

/** A call this window is waiting on that sends (or may send) a job's numbers. */
export type JobRunKind = 'send' | 'resume' | 'retry' | 'resend' | 'leave' | 'cancel';
export type StopKind = 'pause' | 'cancel';

/** A failed call in words: the core's message, or the window's own when it gave none. */
export const messageOf = (error: unknown): Problem => problemOf(error, 'unexpected');

interface JobsState {
  /** Newest first; null until the first answer. */
  list: JobSummary[] | null;
  listError: Problem | null;
  progress: Readonly<Record<string, JobProgressEvent>>;
  runs: Readonly<Record<string, JobRunKind>>;
  stopping: Readonly<Record<string, StopKind>>;
  errors: Readonly<Record<string, Problem>>;
  /** Jobs this window sent or resumed since it opened: their progress line stays on show. */
  touched: Readonly<Record<string, true>>;
  /** Jobs interrupted or paused when the window opened (first list read), newest first. */
  unfinishedAtStart: readonly string[] | null;
}

const INITIAL: JobsState = { list: null, listError: null, progress: {}, runs: {}, stopping: {}, errors: {}, touched: {}, unfinishedAtStart: null };

const unfinished = (job: JobSummary): boolean => job.state === 'interrupted' || job.state === 'paused';

/** How long after the last progress event of a run this window did not start its summary is read again. */
const SETTLE_MS = 600;

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const rest = { ...record };
  delete rest[key];
  return rest;
}

/** Newest first, to the millisecond: job ids name the second only, so two jobs of one second could swap. */
const newestFirst = (jobs: JobSummary[]): JobSummary[] => jobs.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));

function upsertInto(list: JobSummary[] | null, summary: JobSummary): JobSummary[] {
  const current = list ?? [];
  const at = current.findIndex((job) => job.id === summary.id);
  if (at >= 0) return current.map((job, i) => (i === at ? summary : job));
  return newestFirst([summary, ...current]);
}

export interface Jobs extends JobsState {
  summaryOf: (id: string) => JobSummary | undefined;
  /** Whether the job is being sent now: by a call of this window, or anywhere (its state). */
  isRunning: (id: string) => boolean;
  refresh: () => void;
  /** Reads one job's summary again. */
  load: (id: string) => void;
  /** Sends the open sheet as a new job; `onJobId` hears the job's id as soon as its run begins. */
  send: (target: UploadTarget, onJobId: (id: string) => void) => Promise<JobSummary>;
  resume: (id: string) => void;
  retryFailed: (id: string) => void;
  decideUnknown: (id: string, choice: UnknownChoice) => void;
  pause: (id: string) => void;
  cancel: (id: string) => void;
}

/**
 * Every job this window knows of: the history list, the progress of runs, and the calls that
 * start, stop and resume them. One per window, so the Send panel, the Receipt and the History
 * agree on what is running.
 */
export function useJobs(api: DialsheetApi): Jobs {
  const [state, setState] = useState<JobsState>(INITIAL);
  // Read by the progress listener, which must not wait for a render: which runs this window started,
  // which sends still wait to learn their job's id, and the ids known before each send began.
  const tracked = useRef(new Set<string>());
  const claimers = useRef<{ known: Set<string>; claim: (id: string) => void }[]>([]);
  const knownIds = useRef(new Set<string>());
  const settleTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  // Bumped when a run's own answer gives a job's final summary: a read begun before it is stale.
  const generations = useRef(new Map<string, number>());

  const upsert = useCallback((summary: JobSummary) => {
    knownIds.current.add(summary.id);
    setState((s) => ({ ...s, list: upsertInto(s.list, summary) }));
  }, []);

  const refresh = useCallback(() => {
    api.listJobs({}).then(
      ({ jobs }) => {
        for (const job of jobs) knownIds.current.add(job.id);
        setState((s) => ({
          ...s,
          list: newestFirst([...jobs]),
          listError: null,
          unfinishedAtStart: s.unfinishedAtStart ?? jobs.filter(unfinished).map((job) => job.id),
        }));
      },
      (error: unknown) => setState((s) => ({ ...s, listError: messageOf(error) })),
    );
  }, [api]);

  const load = useCallback(
    (id: string) => {
      const generation = generations.current.get(id) ?? 0;
      const current = (): boolean => (generations.current.get(id) ?? 0) === generation;
      api.jobSummary({ jobId: id }).then(
        (summary) => {
          if (current()) upsert(summary);
        },
        (error: unknown) => {
          if (current()) setState((s) => ({ ...s, errors: { ...s.errors, [id]: messageOf(error) } }));
        },
      );
    },
    [api, upsert],
  );

  useEffect(() => {
    refresh();
  }, [refresh]);

  useEffect(() => {
    const timers = settleTimers.current;
    const unsubscribe = api.on('jobProgress', (event) => {
      const { jobId } = event;
      if (!tracked.current.has(jobId)) {
        // The first progress of a new job belongs to the send that waits for its id.
        const waiting = claimers.current.findIndex((c) => !c.known.has(jobId));
        const claimer = waiting >= 0 ? claimers.current.splice(waiting, 1)[0] : undefined;
        if (claimer) {
          claimer.claim(jobId);
        } else {
          // A run this window did not start (a reloaded page, another window): read its state once it goes quiet.
          clearTimeout(timers.get(jobId));
          timers.set(
            jobId,
            setTimeout(() => {
              timers.delete(jobId);
              load(jobId);
            }, SETTLE_MS),
          );
        }
      }
      setState((s) => ({ ...s, progress: { ...s.progress, [jobId]: event } }));
    });
    return () => {
      unsubscribe();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    };
  }, [api, load]);

  const begin = useCallback((id: string, kind: JobRunKind) => {
    tracked.current.add(id);
    // A choice that sends nothing shows no progress line.
    const touched = kind === 'leave' ? {} : { [id]: true as const };
    setState((s) => ({ ...s, runs: { ...s.runs, [id]: kind }, errors: without(s.errors, id), touched: { ...s.touched, ...touched } }));
  }, []);

  const end = useCallback((id: string, summary: JobSummary | null, error: Problem | null) => {
    tracked.current.delete(id);
    generations.current.set(id, (generations.current.get(id) ?? 0) + 1);
    if (summary) knownIds.current.add(summary.id);
    setState((s) => ({
      ...s,
      list: summary ? upsertInto(s.list, summary) : s.list,
      runs: without(s.runs, id),
      stopping: without(s.stopping, id),
      progress: without(s.progress, id),
      errors: error === null ? s.errors : { ...s.errors, [id]: error },
    }));
  }, []);

  /** Runs a call that sends (or writes) a job and answers when the run ends. */
  const runOn = useCallback(
    (id: string, kind: JobRunKind, call: () => Promise<JobSummary>) => {
      if (tracked.current.has(id)) return;
      begin(id, kind);
      call().then(
        (summary) => end(id, summary, null),
        (error: unknown) => {
          end(id, null, messageOf(error));
          load(id);
        },
      );
    },
    [begin, end, load],
  );

  const send = useCallback(
    async (target: UploadTarget, onJobId: (id: string) => void): Promise<JobSummary> => {
      let claimed: string | null = null;
      const claim = (id: string): void => {
        if (claimed === id) return;
        if (claimed !== null) tracked.current.delete(claimed);
        claimed = id;
        begin(id, 'send');
        onJobId(id);
        load(id);
      };
      const claimer = { known: new Set(knownIds.current), claim };
      claimers.current.push(claimer);
      try {
        const summary = await api.sendSheet(target);
        claim(summary.id);
        end(summary.id, summary, null);
        return summary;
      } catch (error) {
        if (claimed !== null) {
          end(claimed, null, messageOf(error));
          load(claimed);
        }
        throw error;
      } finally {
        claimers.current = claimers.current.filter((c) => c !== claimer);
      }
    },
    [api, begin, end, load],
  );

  const stop = useCallback(
    (id: string, kind: StopKind) => {
      setState((s) => (s.stopping[id] ? s : { ...s, stopping: { ...s.stopping, [id]: kind }, errors: without(s.errors, id) }));
      const call = kind === 'pause' ? api.pauseJob({ jobId: id }) : api.cancelJob({ jobId: id });
      call.then(
        (summary) => {
          // The run's own call (send, resume) answers too; whichever comes first ends the run here.
          if (!tracked.current.has(id)) upsert(summary);
          setState((s) => ({ ...s, stopping: without(s.stopping, id) }));
        },
        (error: unknown) => setState((s) => ({ ...s, stopping: without(s.stopping, id), errors: { ...s.errors, [id]: messageOf(error) } })),
      );
    },
    [api, upsert],
  );

  const summaryOf = useCallback((id: string) => state.list?.find((job) => job.id === id), [state.list]);

  return useMemo(
    () => ({
      ...state,
      summaryOf,
      isRunning: (id: string) => (state.runs[id] !== undefined && state.runs[id] !== 'leave') || summaryOf(id)?.state === 'running',
      refresh,
      load,
      send,
      resume: (id: string) => runOn(id, 'resume', () => api.resumeJob({ jobId: id })),
      retryFailed: (id: string) => runOn(id, 'retry', () => api.retryFailedJob({ jobId: id })),
      decideUnknown: (id: string, choice: UnknownChoice) => runOn(id, choice === 'resend' ? 'resend' : 'leave', () => api.decideUnknown({ jobId: id, choice })),
      pause: (id: string) => stop(id, 'pause'),
      // A job being sent is stopped; a paused or interrupted one is closed by a short run of its own.
      cancel: (id: string) => (state.runs[id] !== undefined || summaryOf(id)?.state === 'running' ? stop(id, 'cancel') : runOn(id, 'cancel', () => api.cancelJob({ jobId: id }))),
    }),
    [state, summaryOf, refresh, load, send, runOn, stop, api],
  );
}
