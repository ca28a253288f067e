import type { Delimiter, Encoding, IssueReason, NumberType, RowFilter, RowStatus } from '../../../../shared/intake-options';
import type { JobRowStatus, JobState } from '../../../../shared/jobs';
import type { CliColumnRole } from '../../../../shared/mor-tools-schemas';
import type { VerdictKind } from '../../../../shared/profiles/profile-call-schemas';
import type { SecretField, SecretState } from '../../../../shared/profiles/profile-schemas';
import { clockTime, type PlanTravel } from '../../../../shared/upload-schemas';
import { decimalsOf, type DurationParts, type Formatters } from '../format';
import { enPlural } from '../plural';
import type { UiProblem } from '../problem';

/**
 * Every word the window shows, in English: the source of truth. `Messages` is its shape, and
 * uk.ts must match it key for key, so a missing translation fails the typecheck.
 *
 * Interpolations are functions of plain strings and numbers; counts are formatted with `f` and
 * their words chosen by the language's plural rules. Text that comes from the main process (its
 * errors, the providers' words in a receipt) is not here: it arrives worded in English and is shown
 * as it is. The exceptions come as codes with their figures: a row's problem (in another language
 * the window names its reason, `reasons`, with the core's English words on hover; so does a row left
 * out of a plan or receipt, `receiptTable.notSent`), the intake's
 * notes about a file (`notes`) and why it read the file as it did (`guessReasons`).
 */
export function en(f: Formatters) {
  const rows = (n: number): string => `${f.count(n)} ${enPlural(n, 'row', 'rows')}`;
  const numbers = (n: number): string => `${f.count(n)} ${enPlural(n, 'number', 'numbers')}`;
  const duration = (d: DurationParts): string => {
    switch (d.unit) {
      case 'under-second':
        return 'under 1 s';
      case 'seconds':
        return `${f.count(d.seconds)} s`;
      case 'minutes':
        return `${f.count(d.minutes)} min ${f.count(d.seconds)} s`;
      case 'hours':
        return `${f.count(d.hours)} h ${f.count(d.minutes)} min`;
    }
  };

  return {
    language: {
      label: 'Language',
    },

    app: {
      screens: 'Screens',
      checkAndSend: 'Check & send',
      history: 'History',
      accounts: 'Accounts',
      ivrResults: 'IVR results',
      clis: 'CLIs',
      recentUploads: 'Recent uploads',
      upload: 'Upload',
      allUploads: '← All uploads',
      receipt: 'Receipt',
      receiptOf: (fileName: string) => `Receipt of ${fileName}`,
    },

    accounts: {
      title: 'Accounts',
      intro: 'The dialler accounts Dialsheet sends to. Secrets are stored encrypted on this computer and never shown again: the list says only whether each is set.',
      reading: 'Reading the profiles…',
      tryAgain: 'Try again',
      readFailed: (message: string) => `The profiles could not be read: ${message}`,
      add: (provider: string) => `Add ${provider}`,
      addGroup: 'Add a profile',
      list: 'Profiles',
      builtIn: 'Built in, read-only',
      provider: 'Provider',
      address: 'Address',
      country: 'Country',
      campaign: 'Default campaign',
      noCampaign: 'none',
      username: 'MOR user name',
      projectId: 'Project id',
      vdnId: 'VDN id',
      accessKey: 'Access key (AK)',
      sftp: 'SFTP',
      noSftp: 'not used (numbers go through the API)',
      sftpTarget: (user: string, host: string, port: number, dir: string) => `${user}@${host}:${port}${dir}`,
      hostKey: 'SFTP host key',
      notPinned: 'not trusted yet',
      tls: 'TLS pin',
      tlsNone: 'none (the system’s certificate authorities)',
      tlsCa: 'own certificate authority',
      tlsSha256: (sha256: string) => `certificate ${sha256}`,
      secrets: 'Secrets',
      secretState: { set: 'set', 'not set': 'not set' } satisfies Record<SecretState, string>,
      secretLabels: {
        apiSecret: 'API secret',
        authKey: 'Auth key',
        secretKey: 'Secret key (SK)',
        sftpPassword: 'SFTP password',
        sftpPrivateKey: 'SFTP private key',
        sftpKeyPassphrase: 'SFTP key passphrase',
      } satisfies Record<SecretField, string>,
      test: 'Test the connection',
      testing: 'Testing…',
      testLabel: (name: string) => `Test the connection of ${name}`,
      edit: 'Edit',
      editLabel: (name: string) => `Edit ${name}`,
      delete: 'Delete',
      deleteLabel: (name: string) => `Delete ${name}`,
      deleteTitle: (name: string) => `Delete the profile “${name}”?`,
      deleteBody: 'Its settings and stored secrets are removed from this computer. Uploads already made keep their receipts.',
      deleteConfirm: 'Delete profile',
      deleteKeep: 'Keep it',
      deleteFailed: (message: string) => `The profile was not deleted: ${message}`,
      verdictRegion: (name: string) => `Connection test of ${name}`,
      verdict: {
        ok: 'Test passed',
        network: 'Cannot reach the server',
        timeout: 'The server did not answer in time',
        tls: 'Secure connection refused',
        'credentials-rejected': 'Credentials rejected',
        'not-authorised': 'Not authorised',
        'campaign-not-found': 'Campaign not found',
        'host-key-not-pinned': 'SFTP host key not trusted yet',
        'host-key-changed': 'SFTP host key changed',
        unexpected: 'Unexpected answer',
      } satisfies Record<VerdictKind, string>,
      providerSaid: 'The provider said:',
      testFailed: (message: string) => `The test could not run: ${message}`,
      hostKeyPrompt: 'The SFTP server presented this host key. Trust it only if it matches the fingerprint the server’s administrator gives you (ssh-keygen -l shows it).',
      keyType: 'Key type',
      fingerprint: 'Fingerprint',
      trustKey: 'Trust this key',
      certPrompt: 'The server presented this certificate, which the system does not trust. Trust it only if its fingerprint matches the one the server’s administrator gives you.',
      sha256: 'SHA-256 fingerprint',
      subject: 'Subject',
      issuer: 'Issuer',
      valid: 'Valid',
      validRange: (from: string, to: string) => `${from} – ${to}`,
      selfSigned: 'Self-signed',
      yes: 'yes',
      no: 'no',
      trustCertificate: 'Trust this certificate',
      pinned: 'Trusted. Testing again…',
      pinFailed: (message: string) => `Not trusted: ${message}`,
      form: {
        newTitle: (provider: string) => `New ${provider} profile`,
        editTitle: (name: string) => `Edit “${name}”`,
        name: 'Name',
        baseUrl: 'Server address',
        baseUrlHint: 'https://…; plain http only for 127.0.0.1 or localhost',
        defaultCountry: 'Country for numbers without a code (ISO code, such as UA)',
        campaignId: 'Default campaign (optional)',
        username: 'MOR user name (u)',
        numbersPerFile: 'Numbers per uploaded file',
        projectId: 'Project id',
        concurrency: 'Requests at once',
        requestsPerSecond: 'Requests per second',
        vdnId: 'VDN id',
        accessKey: 'Access key (AK)',
        signingEncoding: 'Signature encoding',
        encodings: { hex: 'hex', base64: 'base64' },
        useSftp: 'Upload files by SFTP',
        sftpHost: 'SFTP server',
        sftpPort: 'SFTP port',
        sftpUsername: 'SFTP user name',
        sftpRemoteDir: 'Remote folder',
        sftpServerId: 'iSales file server id',
        secretsTitle: 'Secrets',
        secretHintNew: 'Stored encrypted; never shown again.',
        secretHintKeep: 'Leave empty to keep the stored one.',
        secretIsSet: 'set',
        secretNotSet: 'not set',
        clearSecret: (label: string) => `Remove the stored ${label.toLowerCase()}`,
        required: 'Required.',
        wholeNumber: 'Enter a whole number.',
        number: 'Enter a number.',
        save: 'Save profile',
        saving: 'Saving…',
        cancel: 'Cancel',
        saved: (name: string) => `Saved “${name}”.`,
        deleted: (name: string) => `Deleted “${name}”.`,
        fixFields: 'Some fields need attention; see the messages next to them.',
        tlsTitle: 'Server certificate',
        tlsPlainHttp: 'This address uses plain http, so there is no certificate to check (plain http is allowed only on this computer).',
        tlsPlainHttpDropsPin: 'Saving it removes the certificate pin this profile had.',
        tlsSystem: 'Trusted by this computer’s usual certificate authorities',
        tlsSystemHint: 'Right for a server with a certificate from a public authority. If the server’s certificate is not trusted, the next test shows it and asks.',
        tlsSystemHintUnpins: 'Removes this profile’s pin: the next test will ask again if the server’s certificate is not trusted.',
        tlsSha256: 'A pinned certificate fingerprint',
        tlsSha256Hint: 'For a server with its own (self-signed) certificate: only the certificate with exactly this fingerprint is accepted. A renewed certificate must be pinned again.',
        tlsCa: 'Our own certificate authority (CA)',
        tlsCaHint: 'For an on-premises PKI: the server’s certificate must be signed by this CA, and its name must match the address.',
        fingerprint: 'SHA-256 fingerprint of the server’s certificate',
        fingerprintHint: 'As the server’s administrator gives it: 64 hexadecimal digits; colons, spaces and letter case do not matter.',
        fingerprintSavedAs: 'Will be saved as',
        caPem: 'CA certificate (PEM)',
        caPemHint: 'Paste the CA certificate, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----. Never a private key.',
        badFingerprint: 'This is not a SHA-256 fingerprint: it must be 64 hexadecimal digits (0–9, A–F), colons optional.',
        caTooLong: 'The text is too long (over 64 KB); paste only the CA certificate.',
        caPrivateKey: 'This is a private key, not a certificate. Paste the CA certificate (BEGIN CERTIFICATE) instead, and keep the key private.',
        caNotPem: 'Paste the CA certificate in PEM form: text starting with -----BEGIN CERTIFICATE-----.',
      },
    },

    noHost: {
      title: 'Dialsheet cannot reach its engine',
      beforeStart: 'Start the desktop app with ',
      beforeWeb: ', or run ',
      afterWeb: ' and open the address it prints.',
    },

    /** What the open sheet is busy with, shown over its progress bar. */
    sheetTask: {
      reading: (fileName: string) => `Reading ${fileName}`,
      readingAgain: 'Reading the file again',
      newColumns: 'Checking with the new columns',
      newOptions: 'Checking the numbers again',
    },
    progress: {
      rowsRead: (n: number) => ` — ${rows(n)}`,
    },

    problems: {
      unexpected: 'Something went wrong; nothing more is known. Try again, and if it keeps happening, see the log.',
      unexpectedNothingChanged: 'Something went wrong; nothing was changed. Try again, and if it keeps happening, see the log.',
      profilesNotLoaded: 'The profiles could not be loaded.',
      editNotSaved: 'The change was not saved.',
    } satisfies Record<UiProblem, string>,

    dropZone: {
      region: 'Open a file',
      first: 'Drop a spreadsheet of phone numbers (Excel .xlsx, CSV or TXT) anywhere on this window, or',
      another: 'Drop another file anywhere, or',
      choose: 'Choose a file…',
      input: 'Spreadsheet to open',
    },

    fileSettings: {
      title: 'File',
      encoding: 'Encoding',
      separator: 'Separator',
      sheet: 'Sheet',
      hidden: ' (hidden)',
      detected: ' (detected)',
      headerRow: 'Header row',
      noHeader: 'No header: every row is data',
      headerChoice: (row: number, text: string) => `Row ${row}: ${text}`,
      encodings: {
        'utf-8': 'UTF-8 (Unicode)',
        'utf-16le': 'UTF-16 LE (Unicode)',
        'utf-16be': 'UTF-16 BE (Unicode)',
        'windows-1251': 'Windows-1251 (Cyrillic)',
        'windows-1252': 'Windows-1252 (Western European)',
        'koi8-u': 'KOI8-U (Ukrainian)',
        'koi8-r': 'KOI8-R (Russian)',
        cp866: 'CP866 (DOS Cyrillic)',
      } satisfies Record<Encoding, string>,
      delimiters: {
        ',': 'Comma',
        ';': 'Semicolon',
        '\t': 'Tab',
        '|': 'Pipe',
      } satisfies Record<Delimiter, string>,
    },

    /** What the intake noticed about a file, from its codes (src/shared/sheet-notes.ts); row numbers as the file counts them. */
    notes: {
      phoneColumnFromHeader: (columns: string) => `Phone column chosen because the header says so (${columns}).`,
      phoneColumnFromHeaderAndContents: (columns: string) => `Phone column chosen because its header and its contents look like numbers (${columns}).`,
      phoneColumnFromContents: (column: string) => `Phone column chosen because most of its cells look like phone numbers (${column}).`,
      noPhoneColumn: 'No column looks like phone numbers: choose one.',
      rowsAboveHeaderSkipped: (n: number, row: number, content: string) =>
        `${rows(n)} above the header ${enPlural(n, 'was', 'were')} skipped (row ${row}: “${content}”).`,
      blankRowsSkipped: (n: number) => `${f.count(n)} blank ${enPlural(n, 'row was', 'rows were')} skipped.`,
      noDataRows: 'The file has a header but no rows under it: there are no numbers to check.',
      severalSheets: (fileName: string, n: number, sheet: string) => `${fileName} has ${f.count(n)} ${enPlural(n, 'sheet', 'sheets')}; showing “${sheet}”. Choose another under File.`,
      wideRow: (row: number, limit: number) => `Row ${row} has more than ${f.count(limit)} columns; only the first ${f.count(limit)} are kept.`,
      unclosedQuote: (row: number) =>
        `Row ${row} opens a quoted value (") that is never closed, so everything after it was read as one cell. Fix the quote in the file, or choose another separator.`,
      nulBytesRemoved: (n: number) => `${f.count(n)} NUL ${enPlural(n, 'byte was', 'bytes were')} removed from the text; everything else was kept.`,
      /** `message` is the reader's own, in English. */
      readingStopped: (row: number, message: string) => `Reading stopped after row ${row}: ${message} The rows before it are kept.`,
      readingStoppedUnexplained: (row: number) => `Reading stopped after row ${row}: the rest of the file could not be read. The rows before it are kept.`,
      removedRowsBack: (n: number) =>
        `${n === 1 ? 'The row you removed is' : `The ${f.count(n)} rows you removed are`} back: the file was read again with other settings, so its rows may not be the same ones. Remove them again if needed.`,
    },

    /** Why the File step's settings were detected as they were: the tooltip of each. */
    guessReasons: {
      encoding: {
        byteOrderMark: (encoding: string) => `The file starts with a ${encoding} byte-order mark.`,
        utf16ZeroBytes: (encoding: string) => `No byte-order mark, but zero bytes fall at every other position, the way ${encoding} stores digits and Latin letters.`,
        asciiOnly: 'The file holds only ASCII characters (digits, Latin letters, punctuation), which every supported encoding reads the same way.',
        validUtf8: (n: number) => `No byte-order mark; the text is valid UTF-8 (${f.count(n)} non-ASCII ${enPlural(n, 'character', 'characters')} checked).`,
        mostlyUtf8: (n: number, invalid: number) =>
          `Mostly valid UTF-8 (${f.count(n)} ${enPlural(n, 'character', 'characters')}), but ${f.count(invalid)} ${enPlural(invalid, 'byte is', 'bytes are')} not and will show as \uFFFD.`,
        codePage: (encoding: string, plausible: number, nonAscii: number) =>
          `Not UTF-8; read as ${encoding}, ${f.count(plausible)} of ${f.count(nonAscii)} non-ASCII characters form plausible words.`,
        nextBest: (encoding: string) => ` Next best: ${encoding}.`,
      },
      delimiter: {
        oneColumn: 'Every row has one column, so no separator was needed.',
        splitsEvenly: (percent: number) => `The rows split most evenly on this separator (confidence ${f.count(percent)}%).`,
      },
      header: {
        chosen: 'Chosen by you.',
        firstRowsBlank: (n: number) => `The first ${f.count(n)} rows are blank, so there is no header to find.`,
        phoneInFirstRow: (row: number, number: string) => `Row ${row} already holds a phone number (“${number}”), so the file has no header row.`,
        namesColumns: (row: number, cells: string) => `Row ${row} names the columns (${cells}).`,
        /** One of the header's cells, in the list of namesColumns. */
        cell: (text: string) => `“${text}”`,
        noHeaderFound: (n: number) => `No row in the first ${f.count(n)} names a column or holds a phone number, so the data is read from the first row.`,
        textAboveNumbers: (row: number, numbersFrom: number) =>
          `No row uses a known column name, but row ${row} holds text right above the first phone number (row ${numbersFrom}), so it is taken as the header.`,
        titleAbove: (from: number) => ` The text above it (from row ${from}) is taken as a title, not data.`,
      },
    },

    checkOptions: {
      title: 'Numbers',
      country: 'Country for numbers without a code',
      countryOption: (name: string, code: string) => `${name} (${code})`,
      howToRead: 'How to read numbers',
      readAs: 'Read as',
      e164: 'International (E.164), checked',
      digits: 'Digits as given',
      mobileOnly: 'Mobile numbers only',
      noPremium: 'No premium-rate numbers',
    },

    columns: {
      title: 'Columns',
      roles: {
        phone: 'Phone',
        name: 'Name',
        caller: 'Caller ID',
        custom: 'Custom field',
        ignore: 'Not used',
      },
      source: {
        detected: 'detected from the header and the contents',
        remembered: 'as you set them last time for these headers',
        chosen: 'as you chose',
      },
    },

    summary: {
      region: 'Summary',
      /** The words after each figure; the figure itself is shown bold before them. */
      rows: (n: number) => enPlural(n, 'row', 'rows'),
      valid: (_n: number) => 'valid',
      invalid: (_n: number) => 'invalid',
      duplicate: (_n: number) => 'duplicate',
      numbersToSend: (n: number) => `${enPlural(n, 'number', 'numbers')} to send`,
      strip: (valid: number, invalid: number, duplicate: number) => `${f.count(valid)} valid, ${f.count(invalid)} invalid, ${f.count(duplicate)} duplicate rows`,
      byReason: 'Problems by reason',
      byType: 'Usable numbers by type (duplicates included)',
    },

    /** A sheet row's check. */
    status: { valid: 'Valid', invalid: 'Invalid', duplicate: 'Duplicate', removed: 'Removed' } satisfies Record<RowStatus, string>,

    reasons: {
      empty: 'No number',
      'not-a-number': 'Not a number',
      'too-short': 'Too short',
      'too-long': 'Too long',
      'invalid-country-code': 'Unknown country code',
      'invalid-for-country': 'Not valid for the country',
      'digits-lost': 'Digits lost in Excel',
      'filtered-type': 'Filtered out by type',
      duplicate: 'Duplicate',
      'no-phone-column': 'No phone column chosen',
    } satisfies Record<IssueReason, string>,

    types: {
      MOBILE: 'Mobile',
      FIXED_LINE: 'Fixed line',
      FIXED_LINE_OR_MOBILE: 'Fixed or mobile',
      PREMIUM_RATE: 'Premium rate',
      TOLL_FREE: 'Toll free',
      SHARED_COST: 'Shared cost',
      VOIP: 'VoIP',
      PERSONAL_NUMBER: 'Personal',
      PAGER: 'Pager',
      UAN: 'UAN',
      VOICEMAIL: 'Voicemail',
    } satisfies Record<NumberType, string>,

    rowTabs: {
      label: 'Show rows',
      tabs: { all: 'All', valid: 'Valid', invalid: 'Invalid', duplicate: 'Duplicates', removed: 'Removed' } satisfies Record<RowFilter, string>,
    },

    rowsTable: {
      label: (fileName: string) => `Rows of ${fileName}`,
      columns: { row: 'Row', status: 'Status', number: 'Number', type: 'Type', problem: 'Problem', keep: 'Remove' },
      fix: 'Fix',
      fixLabel: (row: number) => `Fix the number in row ${row}`,
      newNumber: (row: number) => `New number for row ${row}`,
      remove: 'Remove',
      removeLabel: (row: number) => `Remove row ${row}: it will not be sent`,
      restore: 'Put back',
      restoreLabel: (row: number) => `Put row ${row} back`,
    },

    /** Removing or putting back many rows at once, in the Check step. */
    rowActions: {
      region: 'Remove rows',
      reasonsHint: 'Choose a problem above to list only its rows.',
      showing: (reason: string) => `Rows with this problem: ${reason}`,
      showAll: 'Show every row',
      removeInvalid: (n: number) => `Remove the invalid ${enPlural(n, 'row', 'rows')} (${f.count(n)})`,
      removeDuplicates: (n: number) => `Remove the duplicate ${enPlural(n, 'row', 'rows')} (${f.count(n)})`,
      removeReason: (n: number) => `Remove ${enPlural(n, 'this row', 'these rows')} (${f.count(n)})`,
      restoreAll: (n: number) => `Put back the removed ${enPlural(n, 'row', 'rows')} (${f.count(n)})`,
      removed: (n: number) => `${rows(n)} removed: ${enPlural(n, 'it stays', 'they stay')} under Removed and will not be sent.`,
      restored: (n: number) => `${rows(n)} put back.`,
    },

    send: {
      profile: 'Profile',
      profileOption: (name: string, provider: string) => `${name} (${provider})`,
      campaign: 'Campaign',
      planning: 'Making the plan…',
      sendNumbers: (n: number, campaignId: string) => `Send ${numbers(n)} to campaign ${campaignId}`,
      planAgain: 'Plan again',
      notReady: 'The plan and the send are ready once the whole file is read.',
    },

    /** The import of the open sheet, a step at a time. */
    wizard: {
      steps: 'Import steps',
      names: { file: 'File', columns: 'Columns', check: 'Check', target: 'Target', send: 'Plan & send' },
      titles: {
        file: 'How the file is read',
        columns: 'Which column is what',
        check: 'Check the numbers',
        target: 'Where the numbers go',
        send: 'Plan and send',
      },
      hints: {
        file: 'Dialsheet guessed these from the file. Change any of them and the rows below are read again.',
        columns: 'Choose the phone column and what the others are; the numbers are checked again at once.',
        check: 'Fix a number in its row, remove rows that should not go, or pick a problem to see its rows. Nothing is sent yet.',
        target: 'Choose the profile, the campaign and how this upload travels. The next step shows the plan; nothing is sent before you press Send.',
        send: 'This is what would be sent. Send loads it into the campaign, and the receipt shows every row.',
      },
      back: '← Back',
      next: { columns: 'Next: columns →', check: 'Next: check →', target: 'Next: target →', send: 'Next: plan →' },
      checkNote: (valid: number, leftOut: number) => `${f.count(valid)} valid · ${f.count(leftOut)} left out`,
    },

    target: {
      where: 'Profile and campaign',
      options: 'Options for this upload',
      numbersPerFile: 'Numbers per MOR file',
      numbersPerFileHint: 'A big list goes as several files, so one failed upload costs one file.',
      concurrency: 'Numbers sent at once',
      concurrencyHint: 'Ringostat takes one number per request.',
      requestsPerSecond: 'Requests a second',
      requestsPerSecondHint: 'The most Dialsheet asks of Ringostat in a second.',
      schedule: 'When CC-iSales imports the file',
      importNow: 'As soon as it is uploaded',
      importAt: 'At',
      importTime: "Import time, by the server's clock",
      noSchedule: 'This profile adds the numbers through the CC-iSales API at once; an import time needs an SFTP file server in the profile.',
      errors: {
        numbersPerFile: (min: number, max: number) => `Give a whole number from ${f.count(min)} to ${f.count(max)}.`,
        concurrency: (min: number, max: number) => `Give a whole number from ${f.count(min)} to ${f.count(max)}.`,
        requestsPerSecond: (min: number, max: number) => `Give a number from ${f.decimal(min, 1)} to ${f.decimal(max, 1)}.`,
        at: 'Give the time as hours and minutes, such as 21:30.',
      },
    },

    plan: {
      summary: (planned: number, numbersCount: number, campaignId: string, batches: string, invalid: number, duplicate: number) =>
        `Will send ${rows(planned)} (${numbers(numbersCount)}) to campaign ${campaignId}, as ${batches}. Left out: ${f.count(invalid)} invalid, ${f.count(duplicate)} duplicate. Nothing was sent.`,
      /** How the rows travel, as the summary says it after "as". */
      travel: (travel: PlanTravel): string => {
        switch (travel.kind) {
          case 'mor-files':
            return `${f.count(travel.files)} CSV ${enPlural(travel.files, 'file', 'files')} of up to ${numbers(travel.perFile)}, one after another`;
          case 'ringostat-requests':
            return `${f.count(travel.requests)} ${enPlural(travel.requests, 'request', 'requests')}, at most ${f.decimal(travel.requestsPerSecond, decimalsOf(travel.requestsPerSecond))} a second and ${f.count(travel.concurrency)} at once (about ${f.count(travel.seconds)} s)`;
          case 'isales-calls':
            return `${f.count(travel.calls)} add-numbers ${enPlural(travel.calls, 'call', 'calls')} of up to ${numbers(travel.perCall)}, a second apart (about ${f.count(travel.seconds)} s)`;
          case 'isales-files':
            return `${f.count(travel.files)} call-data ${enPlural(travel.files, 'file', 'files')} put on ${travel.server}, then imported by CC-iSales ${travel.at === null ? 'at once' : `at ${clockTime(travel.at)} (the server's clock)`}`;
        }
      },
      /** One batch in the list: the index-th of `count`, or Ringostat's one batch of `numbers` requests. */
      batch: (kind: PlanTravel['kind'], index: number, count: number, numbersCount: number): string => {
        switch (kind) {
          case 'mor-files':
            return `File ${f.count(index)} of ${f.count(count)}`;
          case 'ringostat-requests':
            return `${f.count(numbersCount)} ${enPlural(numbersCount, 'request', 'requests')}, one per number`;
          case 'isales-calls':
            return `Call ${f.count(index)} of ${f.count(count)}`;
          case 'isales-files':
            return `Call-data file ${f.count(index)} of ${f.count(count)}`;
        }
      },
      batches: 'Batches',
      nothingToSend: 'Nothing to send: no row has a valid, new number.',
      batchesTable: 'Batches to send',
      batchColumns: { batch: 'Batch', rows: 'Rows', numbers: 'Numbers' },
      rowSpan: (first: number, last: number) => (first === last ? `row ${first}` : `rows ${first}–${last}`),
      moreBatches: (n: number) => `…and ${f.count(n)} more ${enPlural(n, 'batch', 'batches')} like these.`,
      leftOut: 'Rows left out',
      noneLeftOut: 'None: every row goes.',
      leftOutTable: 'Rows that will not be sent',
      leftOutColumns: { row: 'Row', number: 'Number', status: 'Status', why: 'Why' },
      moreLeftOut: (n: number) => `…and ${f.count(n)} more; the Invalid and Duplicates tabs below list them all.`,
    },

    jobs: {
      state: {
        running: 'Sending',
        paused: 'Paused',
        interrupted: 'Interrupted',
        cancelled: 'Cancelled',
        finished: 'Finished',
      } satisfies Record<JobState, string>,
      /** Tabs and counts of a receipt, in the order they are shown. */
      status: {
        imported: 'Imported',
        rejected: 'Rejected',
        invalid: 'Invalid',
        duplicate: 'Duplicate',
        unknown: 'Unknown',
        waiting: 'Waiting',
      } satisfies Record<JobRowStatus, string>,
      /** The word after a count of rows of a status, as in "3 imported". */
      statusCount: {
        imported: (_n: number) => 'imported',
        rejected: (_n: number) => 'rejected',
        invalid: (_n: number) => 'invalid',
        duplicate: (_n: number) => 'duplicate',
        unknown: (_n: number) => 'unknown',
        waiting: (_n: number) => 'waiting',
      } satisfies Record<JobRowStatus, (n: number) => string>,
      /** "leads.csv → Ringostat campaign 456", as the desktop notification says it. */
      target: (fileName: string, provider: string, campaignId: string) => `${fileName} → ${provider} campaign ${campaignId}`,
      duration,
      fileHash: (sha256: string) => `SHA-256 of the file: ${sha256}`,
    },

    progressLine: {
      group: 'Upload progress',
      pausing: 'Pausing after the numbers in flight…',
      cancelling: 'Cancelling after the numbers in flight…',
      sending: 'Sending',
      starting: 'Starting…',
      done: (done: number, total: number) => `${f.count(done)} of ${numbers(total)} done`,
      withOutcome: (done: number, total: number) => `${f.count(done)} of ${numbers(total)} ${enPlural(total, 'has', 'have')} an outcome`,
      rate: (perSecond: number) => `${f.decimal(perSecond, 1)} numbers/s`,
      workingOut: 'working out the time left',
      left: (d: DurationParts) => `about ${duration(d)} left`,
      pause: 'Pause',
      cancel: 'Cancel',
      bar: 'Numbers with an outcome',
      confirmTitle: 'Cancel this upload?',
      confirm: 'Cancel upload',
      keep: 'Keep sending',
      confirmSent: 'Numbers already sent stay in the campaign. The ones not sent yet will not be sent, and the receipt marks them rejected “Not sent”.',
      confirmLater: 'You can still send them later with Retry failed.',
    },

    receipt: {
      exportCsv: 'Export CSV',
      exportXlsx: 'Export XLSX',
      reading: 'Reading the receipt…',
      exportFailed: (message: string) => `The receipt could not be exported: ${message}`,
      /** Before the campaign id, which is shown bold: "Ringostat campaign 456". */
      campaignOf: (provider: string) => `${provider} campaign `,
      took: (d: DurationParts) => `, sending took ${duration(d)}`,
      rows: (n: number) => `${enPlural(n, 'row', 'rows')}:`,
      notSentYet: (n: number) => `${rows(n)} not sent yet.`,
      resume: 'Resume',
      retryFailed: 'Retry failed',
      cancelRest: 'Cancel the rest',
      unknownGroup: 'Unknown numbers',
      unknownHeadline: (n: number) => `${rows(n)} ${enPlural(n, 'has', 'have')} a number with an unknown outcome.`,
      unknownBody: (n: number, provider: string) =>
        `Dialsheet stopped or lost the connection while ${enPlural(n, 'it was', 'they were')} being sent, so ${provider} may hold ${enPlural(n, 'it', 'them')} or not. Check the campaign if you can, then choose. Nothing is sent again unless you say so.`,
      theProvider: 'the provider',
      sendAgain: 'Send again',
      leaveUnknown: 'Leave as unknown',
      runningHint: 'Every row’s outcome is listed here when the run ends; pause to see it sooner.',
      elsewhereHint: 'Another Dialsheet (a window or the command line) is sending this job; pause it there. This receipt is as it stood when read.',
      refresh: 'Refresh',
      tabs: 'Show receipt rows',
      all: 'All',
      rowsLabel: (fileName: string) => `Receipt rows of ${fileName}`,
      resendTitle: 'Send the unknown numbers again?',
      resendConfirm: 'Send again',
      resendCancel: 'Don’t send',
      resendRisk: (provider: string) =>
        `${provider.charAt(0).toUpperCase()}${provider.slice(1)} may already hold some of these numbers. Sending them again can add a number to the campaign twice, and it may then be dialled twice.`,
      resendAdvice: 'If you can, check the campaign first and leave the numbers that arrived.',
      cancelTitle: 'Cancel the rest of this upload?',
      cancelConfirm: 'Cancel the rest',
      cancelKeep: 'Keep it',
      cancelBody: 'The rows not sent yet will not be sent, and the receipt marks them rejected “Not sent”. You can still send them later with Retry failed.',
    },

    receiptTable: {
      columns: { row: 'Row', number: 'Number', status: 'Status', message: 'Message' },
      readFailed: (message: string) => `The receipt could not be read: ${message}`,
      tryAgain: 'Try again',
      noRows: 'This receipt has no rows: the file had no data rows.',
      noRowsOfStatus: 'No rows have this status.',
      /** A row left out before sending, in a language other than English: the reason's name (`reasons`). */
      notSent: (reason: string) => `Not sent: ${reason}`,
      removed: 'Removed before sending.',
    },

    history: {
      refresh: 'Refresh',
      tryAgain: 'Try again',
      showAll: (n: number) => `Show all ${f.count(n)}`,
      readFailed: (message: string) => `The history could not be read: ${message}`,
      reading: 'Reading the history…',
      empty: 'No uploads yet. Every list you send is kept here with its receipt, and an upload cut short can be resumed from here.',
      table: 'Uploads',
      columns: {
        created: 'Created',
        file: 'File',
        profile: 'Profile',
        provider: 'Provider',
        campaign: 'Campaign',
        state: 'State',
        rows: 'Rows',
        took: 'Took',
        receipt: 'Receipt',
      },
      choiceNeeded: ' · choice needed',
      noRows: 'no rows',
      count: (status: string, n: number) => `${f.count(n)} ${status}`,
      rowsTitle: (rowCount: number, done: number, total: number) => `${rows(rowCount)}, ${f.count(done)} of ${numbers(total)} with an outcome`,
      open: 'Open',
      openLabel: (fileName: string, when: string) => `Open the receipt of ${fileName}, ${when}`,
    },

    ivr: {
      title: 'IVR poll results',
      intro: 'The answers callers gave in a MOR campaign’s IVR poll, as MOR keeps them. MOR names no fields, so the columns are numbered.',
      profile: 'MOR profile',
      campaign: 'Campaign',
      fetch: 'Fetch',
      fetching: 'Fetching…',
      readingProfiles: 'Reading the profiles…',
      noMorProfile: 'There is no MOR profile. Add one on the Accounts screen.',
      notFetched: 'Choose a profile and a campaign, then Fetch.',
      fetchFailed: (message: string) => `The IVR results could not be fetched: ${message}`,
      noResults: (campaign: number) => `MOR has no IVR poll results for campaign ${campaign} yet.`,
      resultsOf: (campaign: number, n: number) => `Campaign ${campaign}: ${f.count(n)} ${enPlural(n, 'line', 'lines')} of results`,
      tableLabel: (campaign: number) => `IVR poll results of campaign ${campaign}`,
      line: 'Line',
      exportCsv: 'Export CSV',
      exportXlsx: 'Export XLSX',
      exportFailed: (message: string) => `The IVR results could not be exported: ${message}`,
      chartTitle: 'Answers per question',
      chartNote: 'Lines with a value in each numbered field.',
      answers: (n: number) => `${f.count(n)} ${enPlural(n, 'answer', 'answers')}`,
      chartSummary: (parts: string) => `Answers per question: ${parts}.`,
      chartPart: (field: string, n: number) => `${field}: ${f.count(n)}`,
    },

    clis: {
      title: 'Add CLIs',
      intro:
        'Adds the CLIs of a sheet to MOR devices, one request per row: columns for the device id and the number or domain, and optionally description, comment, banned and IVR id (CSV, TSV, TXT or XLSX; English, Ukrainian or Russian headers). The sheet is checked first, on this computer; Add sends the rows that are ready, and each gets its own outcome.',
      profile: 'MOR profile',
      dropRegion: 'Sheet of CLIs',
      dropHere: 'Drop a sheet of CLIs here, or choose one.',
      chosen: (fileName: string) => `Chosen: ${fileName}. Drop or choose another sheet to replace it.`,
      choose: 'Choose a sheet of CLIs…',
      input: 'Sheet of CLIs',
      send: 'Add CLIs',
      sendCount: (n: number) => `Add ${f.count(n)} ${enPlural(n, 'CLI', 'CLIs')}`,
      sending: 'Adding…',
      checking: (fileName: string) => `Checking ${fileName}…`,
      checkFailed: (message: string) => `The sheet could not be checked: ${message}`,
      checkSummary: (fileName: string, n: number, ready: number, invalid: number) =>
        `${fileName}: ${f.count(n)} ${enPlural(n, 'row', 'rows')} checked: ${f.count(ready)} ready, ${f.count(invalid)} invalid. Nothing has been sent yet.`,
      recognisedColumns: (list: string) => `Columns recognised: ${list}.`,
      recognisedColumn: (header: string, role: string) => `“${header}” as ${role}`,
      columnRole: {
        device: 'device id',
        number: 'CLI number',
        domain: 'CLI domain',
        description: 'description',
        comment: 'comment',
        banned: 'banned',
        ivr: 'IVR id',
      } satisfies Record<CliColumnRole, string>,
      checkTableLabel: (fileName: string) => `Check of each CLI in ${fileName}`,
      description: 'Description',
      comment: 'Comment',
      banned: 'Banned',
      ivr: 'IVR id',
      check: 'Check',
      reason: 'Reason',
      checkStatus: { all: 'All', ready: 'Ready', invalid: 'Invalid' },
      progressLabel: 'Adding CLIs',
      progress: (done: number, total: number) => ` — ${f.count(done)} of ${f.count(total)} ${enPlural(total, 'row', 'rows')} done`,
      exportCsv: 'Export CSV',
      exportXlsx: 'Export XLSX',
      exportFailed: (message: string) => `The CLI receipt could not be exported: ${message}`,
      readingProfiles: 'Reading the profiles…',
      noMorProfile: 'There is no MOR profile. Add one on the Accounts screen.',
      notSent: 'Choose a profile and a sheet of CLIs, then Add CLIs.',
      sendFailed: (message: string) => `The CLIs could not be added: ${message}`,
      summary: (fileName: string, n: number, added: number, rejected: number, invalid: number, unknown: number) =>
        `${fileName}: ${f.count(n)} ${enPlural(n, 'CLI', 'CLIs')}: ${f.count(added)} added, ${f.count(rejected)} rejected, ${f.count(invalid)} invalid, ${f.count(unknown)} unknown`,
      filterLabel: 'Show CLIs',
      tableLabel: (fileName: string) => `Outcome of each CLI in ${fileName}`,
      row: 'Row',
      device: 'Device',
      cli: 'CLI',
      outcome: 'Outcome',
      message: 'Message',
      status: { all: 'All', added: 'Added', rejected: 'Rejected', invalid: 'Invalid', unknown: 'Unknown' },
    },

    unfinished: {
      region: 'Unfinished upload',
      paused: 'An upload is paused',
      interrupted: 'An upload was interrupted',
      text: (what: string, target: string, done: number, total: number) =>
        `${what}: ${target}, ${f.count(done)} of ${numbers(total)} ${enPlural(total, 'has', 'have')} an outcome.`,
      others: (n: number) => ` ${f.count(n)} more unfinished in History.`,
      resume: 'Resume',
      openReceipt: 'Open receipt',
      notNow: 'Not now',
      notNowLabel: 'Dismiss this notice until Dialsheet starts again',
    },
  };
}

export type Messages = ReturnType<typeof en>;
