import type { ProfileOf, UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { MAX_ROWS_PER_FILE } from '../providers/isales/calldata-file';
import { MAX_RECORDS_PER_ADD } from '../providers/isales/isales-client';
import type { UploadChoices } from './run-upload';
import type { UploadPlan } from './upload-plan';

/** How the plan will travel, in words: files, requests or calls, and roughly how long. */
export function describePlanBatches(unlocked: UnlockedProfile, plan: UploadPlan, choices: UploadChoices = {}): string {
  const { profile } = unlocked;
  switch (profile.provider) {
    case 'mor': {
      const per = choices.numbersPerFile ?? profile.options.numbersPerFile;
      return `${Math.ceil(plan.numbers / per)} CSV file(s) of up to ${per} numbers, one after another`;
    }
    case 'ringostat': {
      const { concurrency, requestsPerSecond } = { ...profile.options, ...choices };
      return `${plan.numbers} request(s), at most ${requestsPerSecond} a second and ${concurrency} at once (about ${Math.ceil(plan.numbers / requestsPerSecond)} s)`;
    }
    case 'isales':
      return isalesBatches(profile, plan);
  }
}

function isalesBatches(profile: ProfileOf<'isales'>, plan: UploadPlan): string {
  if (profile.sftp === null) {
    const calls = Math.ceil(plan.numbers / MAX_RECORDS_PER_ADD);
    return `${calls} add-numbers call(s) of up to ${MAX_RECORDS_PER_ADD} numbers, a second apart (about ${calls} s)`;
  }
  const files = Math.ceil(plan.send.length / MAX_ROWS_PER_FILE);
  return `${files} call-data file(s) put on sftp://${profile.sftp.host}:${profile.sftp.port}${profile.sftp.remoteDir}, then imported by CC-iSales`;
}
