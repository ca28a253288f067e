import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';

import type { JobSummary } from '../../shared/jobs';
import { MAX_FILE_BYTES } from '../../shared/limits';
import { APP_NAME, APP_VERSION } from './app-info';
import type { Intake } from './intake/intake';
import { supportedCountries } from './locale-country';
import { MorToolsService } from './mor-tools/mor-tools-service';
import type { ProfilesService } from './profiles-service/profiles-service';
import type { EmitEvent, HandlerTable } from './rpc/handler-table';
import { jobProfileLender } from './jobs/job-profile-lender';
import { JobsService } from './jobs/jobs-service';
import { UploadService } from './upload/upload-service';
import { UserError } from './user-error';

export interface HandlerDeps {
  intake: Intake;
  defaultCountry: string;
  profiles: ProfilesService;
  /** The jobs folder in the app's data folder, where every upload is journaled. */
  jobsDir: string;
  /** Pushes an event to the window(s): sheet, job and CLI progress. */
  emit: EmitEvent;
  /** Told when a job's run ends (the desktop shell's notification and taskbar). */
  onJobEnd?: (summary: JobSummary) => void;
  /** For jobs sent from a profile file (the command line) and resumed in the window. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A made file as the window takes it, to hand to its download. */
const fileAnswer = ({ fileName, bytes }: { fileName: string; bytes: Uint8Array }): { fileName: string; dataBase64: string } => ({
  fileName,
  dataBase64: Buffer.from(bytes).toString('base64'),
});

const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

function checkSize(fileName: string, size: number): void {
  if (size > MAX_FILE_BYTES) {
    throw new UserError(
      'too-large',
      `${fileName} is ${megabytes(size)}; Dialsheet opens files up to ${megabytes(MAX_FILE_BYTES)}. Split it and open the parts. Nothing was loaded.`,
    );
  }
}

/**
 * A job's messages name the jobs folder, which helps on the command line; the window names no
 * folder of this machine (a fuzz of the handler table found "There is no job … in /home/…").
 */
function withoutFolder<A extends unknown[], T>(jobsDir: string, work: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  return (...args) =>
    work(...args).catch((error: unknown) => {
      if (error instanceof UserError && error.message.includes(jobsDir)) throw new UserError(error.code, error.message.split(jobsDir).join('the jobs folder'));
      throw error;
    });
}

/** The handler table both hosts bind: every call in the contract, built from the core. */
export function createHandlers({ intake, defaultCountry, profiles, jobsDir, emit, onJobEnd, env = {} }: HandlerDeps): HandlerTable {
  const jobs = new JobsService({
    jobsDir,
    withProfile: jobProfileLender({ saved: profiles, env, country: defaultCountry }),
    emitProgress: (event) => emit('jobProgress', event),
    ...(onJobEnd === undefined ? {} : { onRunEnd: onJobEnd }),
  });
  const uploads = new UploadService({ intake, withUnlocked: (profileId, work) => profiles.withUnlocked(profileId, work), jobs });
  const morTools = new MorToolsService((profileId, work) => profiles.withUnlocked(profileId, work), {
    emitProgress: (event) => emit('cliProgress', event),
  });
  return {
    async appInfo() {
      return { name: APP_NAME, version: APP_VERSION, countries: supportedCountries(), defaultCountry };
    },

    async openSheetPath({ path, settings }) {
      const fileName = basename(path);
      const info = await stat(path).catch(() => {
        throw new UserError('not-found', `${fileName} could not be opened: it is not there or cannot be read.`);
      });
      if (!info.isFile()) throw new UserError('unreadable', `${fileName} is not a file.`);
      checkSize(fileName, info.size);
      return intake.open(fileName, await readFile(path), settings);
    },

    async openSheetBytes({ name, dataBase64, settings }) {
      const bytes = Buffer.from(dataBase64, 'base64');
      checkSize(basename(name), bytes.length);
      return intake.open(basename(name), bytes, settings);
    },

    reopenSheet: ({ sheetId, settings }) => intake.reopen(sheetId, settings),
    setMapping: ({ sheetId, mapping }) => intake.setMapping(sheetId, mapping),
    setCheckOptions: ({ sheetId, options }) => intake.setOptions(sheetId, options),
    getSheetView: ({ sheetId }) => intake.view(sheetId),
    sheetRows: ({ sheetId, offset, limit, filter, reason }) => intake.rows(sheetId, offset, limit, filter, reason),
    editCell: ({ sheetId, index, column, value }) => intake.edit(sheetId, index, column, value),
    removeRows: ({ sheetId, ...selection }) => intake.removeRows(sheetId, selection),
    restoreRows: ({ sheetId, ...selection }) => intake.restoreRows(sheetId, selection),
    closeSheet: async ({ sheetId }) => ({ closed: await intake.close(sheetId) }),

    listProfiles: () => profiles.list(),
    saveProfile: ({ profile, secrets }) => profiles.save(profile, secrets),
    deleteProfile: async ({ id }) => {
      await profiles.delete(id);
      return { deleted: true };
    },
    testConnection: ({ profileId, campaignId }) => profiles.testConnection(profileId, campaignId),
    pinHostKey: ({ profileId, fingerprint }) => profiles.pinHostKey(profileId, fingerprint),
    pinCertificate: ({ profileId, sha256 }) => profiles.pinCertificate(profileId, sha256),

    planSheetUpload: (target) => uploads.plan(target),
    sendSheet: (target) => uploads.send(target),
    listJobs: async () => ({ jobs: await jobs.list() }),
    jobSummary: withoutFolder(jobsDir, ({ jobId }) => jobs.summary(jobId)),
    receiptRows: withoutFolder(jobsDir, ({ jobId, offset, limit, status }) => jobs.rows(jobId, offset, limit, status)),
    pauseJob: withoutFolder(jobsDir, ({ jobId }) => jobs.pause(jobId)),
    resumeJob: withoutFolder(jobsDir, ({ jobId }) => jobs.resume(jobId)),
    cancelJob: withoutFolder(jobsDir, ({ jobId }) => jobs.cancel(jobId)),
    retryFailedJob: withoutFolder(jobsDir, ({ jobId }) => jobs.retryFailed(jobId)),
    decideUnknown: withoutFolder(jobsDir, ({ jobId, choice }) => jobs.decideUnknown(jobId, choice)),
    exportReceipt: withoutFolder(jobsDir, async ({ jobId, format }) => fileAnswer(await jobs.exportReceipt(jobId, format))),

    ivrResults: ({ profileId, campaignId }) => morTools.ivrResults(profileId, campaignId),
    exportIvrResults: async ({ profileId, campaignId, format }) => fileAnswer(await morTools.exportIvrResults(profileId, campaignId, format)),
    checkClis: ({ name, dataBase64 }) => morTools.checkClis(basename(name), Buffer.from(dataBase64, 'base64')),
    addClis: ({ profileId, name, dataBase64 }) => morTools.addClis(profileId, basename(name), Buffer.from(dataBase64, 'base64')),
    exportCliReceipt: async ({ runId, format }) => fileAnswer(await morTools.exportCliReceipt(runId, format)),
  };
}
