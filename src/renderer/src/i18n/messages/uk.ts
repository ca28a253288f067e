import { clockTime } from '../../../../shared/upload-schemas';
import { decimalsOf, type DurationParts, type Formatters } from '../format';
import { ukPlural } from '../plural';
import type { Messages } from './en';

type Forms = readonly [one: string, few: string, many: string, other: string];

/** Ukrainian: every key of en.ts, the typecheck says so. Words as a call-centre supervisor says them. */
export function uk(f: Formatters): Messages {
  const word = (n: number, forms: Forms): string => ukPlural(n, forms);
  const counted = (n: number, forms: Forms): string => `${f.count(n)} ${word(n, forms)}`;
  const ROWS: Forms = ['рядок', 'рядки', 'рядків', 'рядка'];
  const NUMBERS: Forms = ['номер', 'номери', 'номерів', 'номера'];
  /** After "з" (out of): з 1 номера, з 3 номерів, з 21 номера. */
  const OF_NUMBERS: Forms = ['номера', 'номерів', 'номерів', 'номера'];
  const INVALID: Forms = ['недійсний', 'недійсні', 'недійсних', 'недійсного'];
  const DUPLICATE: Forms = ['дублікат', 'дублікати', 'дублікатів', 'дубліката'];
  const REQUESTS: Forms = ['запит', 'запити', 'запитів', 'запиту'];
  const rows = (n: number): string => counted(n, ROWS);
  const numbers = (n: number): string => counted(n, NUMBERS);
  const outOf = (done: number, total: number): string => `${f.count(done)} з ${f.count(total)} ${word(total, OF_NUMBERS)}`;
  const duration = (d: DurationParts): string => {
    switch (d.unit) {
      case 'under-second':
        return 'менше 1 с';
      case 'seconds':
        return `${f.count(d.seconds)} с`;
      case 'minutes':
        return `${f.count(d.minutes)} хв ${f.count(d.seconds)} с`;
      case 'hours':
        return `${f.count(d.hours)} год ${f.count(d.minutes)} хв`;
    }
  };
  const capital = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

  return {
    language: {
      label: 'Мова',
    },

    app: {
      screens: 'Екрани',
      checkAndSend: 'Перевірка й надсилання',
      history: 'Історія',
      accounts: 'Облікові записи',
      ivrResults: 'Результати IVR',
      clis: 'CLI',
      recentUploads: 'Останні завантаження',
      upload: 'Завантаження',
      allUploads: '← Усі завантаження',
      receipt: 'Квитанція',
      receiptOf: (fileName) => `Квитанція за ${fileName}`,
    },

    accounts: {
      title: 'Облікові записи',
      intro: 'Облікові записи автонабирачів, до яких Dialsheet надсилає номери. Секрети зберігаються зашифрованими на цьому комп’ютері й більше ніколи не показуються: у списку видно лише, чи задано кожен.',
      reading: 'Читаю профілі…',
      tryAgain: 'Спробувати ще раз',
      readFailed: (message) => `Не вдалося прочитати профілі: ${message}`,
      add: (provider) => `Додати ${provider}`,
      addGroup: 'Додати профіль',
      list: 'Профілі',
      builtIn: 'Вбудований, лише для читання',
      provider: 'Провайдер',
      address: 'Адреса',
      country: 'Країна',
      campaign: 'Кампанія за замовчуванням',
      noCampaign: 'немає',
      username: 'Ім’я користувача MOR',
      projectId: 'Ідентифікатор проєкту',
      vdnId: 'Ідентифікатор VDN',
      accessKey: 'Ключ доступу (AK)',
      sftp: 'SFTP',
      noSftp: 'не використовується (номери йдуть через API)',
      sftpTarget: (user, host, port, dir) => `${user}@${host}:${port}${dir}`,
      hostKey: 'Ключ хоста SFTP',
      notPinned: 'ще не довірений',
      tls: 'Закріплення TLS',
      tlsNone: 'немає (центри сертифікації системи)',
      tlsCa: 'власний центр сертифікації',
      tlsSha256: (sha256) => `сертифікат ${sha256}`,
      secrets: 'Секрети',
      secretState: { set: 'задано', 'not set': 'не задано' },
      secretLabels: {
        apiSecret: 'Секрет API',
        authKey: 'Ключ авторизації',
        secretKey: 'Секретний ключ (SK)',
        sftpPassword: 'Пароль SFTP',
        sftpPrivateKey: 'Приватний ключ SFTP',
        sftpKeyPassphrase: 'Парольна фраза ключа SFTP',
      },
      test: 'Перевірити з’єднання',
      testing: 'Перевіряю…',
      testLabel: (name) => `Перевірити з’єднання профілю ${name}`,
      edit: 'Змінити',
      editLabel: (name) => `Змінити ${name}`,
      delete: 'Видалити',
      deleteLabel: (name) => `Видалити ${name}`,
      deleteTitle: (name) => `Видалити профіль «${name}»?`,
      deleteBody: 'Його налаштування й збережені секрети буде видалено з цього комп’ютера. Уже зроблені завантаження зберігають свої квитанції.',
      deleteConfirm: 'Видалити профіль',
      deleteKeep: 'Залишити',
      deleteFailed: (message) => `Профіль не видалено: ${message}`,
      verdictRegion: (name) => `Перевірка з’єднання профілю ${name}`,
      verdict: {
        ok: 'Перевірку пройдено',
        network: 'Сервер недоступний',
        timeout: 'Сервер не відповів вчасно',
        tls: 'Захищене з’єднання відхилено',
        'credentials-rejected': 'Облікові дані відхилено',
        'not-authorised': 'Немає дозволу',
        'campaign-not-found': 'Кампанію не знайдено',
        'host-key-not-pinned': 'Ключ хоста SFTP ще не довірений',
        'host-key-changed': 'Ключ хоста SFTP змінився',
        unexpected: 'Неочікувана відповідь',
      },
      providerSaid: 'Відповідь провайдера:',
      testFailed: (message) => `Перевірку не вдалося запустити: ${message}`,
      hostKeyPrompt: 'Сервер SFTP показав цей ключ хоста. Довіряйте йому, лише якщо відбиток збігається з тим, який дає адміністратор сервера (його показує ssh-keygen -l).',
      keyType: 'Тип ключа',
      fingerprint: 'Відбиток',
      trustKey: 'Довіряти цьому ключу',
      certPrompt: 'Сервер показав сертифікат, якому система не довіряє. Довіряйте йому, лише якщо відбиток збігається з тим, який дає адміністратор сервера.',
      sha256: 'Відбиток SHA-256',
      subject: 'Суб’єкт',
      issuer: 'Видавець',
      valid: 'Дійсний',
      validRange: (from, to) => `${from} – ${to}`,
      selfSigned: 'Самопідписаний',
      yes: 'так',
      no: 'ні',
      trustCertificate: 'Довіряти цьому сертифікату',
      pinned: 'Довірено. Перевіряю ще раз…',
      pinFailed: (message) => `Не довірено: ${message}`,
      form: {
        newTitle: (provider) => `Новий профіль ${provider}`,
        editTitle: (name) => `Зміна профілю «${name}»`,
        name: 'Назва',
        baseUrl: 'Адреса сервера',
        baseUrlHint: 'https://…; звичайний http лише для 127.0.0.1 або localhost',
        defaultCountry: 'Країна для номерів без коду (код ISO, наприклад UA)',
        campaignId: 'Кампанія за замовчуванням (необов’язково)',
        username: 'Ім’я користувача MOR (u)',
        numbersPerFile: 'Номерів в одному файлі',
        projectId: 'Ідентифікатор проєкту',
        concurrency: 'Одночасних запитів',
        requestsPerSecond: 'Запитів за секунду',
        vdnId: 'Ідентифікатор VDN',
        accessKey: 'Ключ доступу (AK)',
        signingEncoding: 'Кодування підпису',
        encodings: { hex: 'hex', base64: 'base64' },
        useSftp: 'Завантажувати файли через SFTP',
        sftpHost: 'Сервер SFTP',
        sftpPort: 'Порт SFTP',
        sftpUsername: 'Ім’я користувача SFTP',
        sftpRemoteDir: 'Віддалена папка',
        sftpServerId: 'Ідентифікатор файлового сервера iSales',
        secretsTitle: 'Секрети',
        secretHintNew: 'Зберігається зашифрованим; більше ніколи не показується.',
        secretHintKeep: 'Залиште порожнім, щоб зберегти наявний.',
        secretIsSet: 'задано',
        secretNotSet: 'не задано',
        clearSecret: (label) => `Видалити збережене значення «${label}»`,
        required: 'Обов’язкове поле.',
        wholeNumber: 'Введіть ціле число.',
        number: 'Введіть число.',
        save: 'Зберегти профіль',
        saving: 'Зберігаю…',
        cancel: 'Скасувати',
        saved: (name) => `Профіль «${name}» збережено.`,
        deleted: (name) => `Профіль «${name}» видалено.`,
        fixFields: 'Деякі поля потребують уваги; дивіться повідомлення біля них.',
        tlsTitle: 'Сертифікат сервера',
        tlsPlainHttp: 'Ця адреса використовує звичайний http, тож сертифіката для перевірки немає (звичайний http дозволено лише на цьому комп’ютері).',
        tlsPlainHttpDropsPin: 'Після збереження закріплений сертифікат цього профілю буде видалено.',
        tlsSystem: 'Довіряти звичним центрам сертифікації цього комп’ютера',
        tlsSystemHint: 'Підходить для сервера із сертифікатом від публічного центру. Якщо сертифікату сервера немає довіри, наступна перевірка покаже його й запитає.',
        tlsSystemHintUnpins: 'Знімає закріплення з цього профілю: наступна перевірка знову запитає, якщо сертифікату сервера немає довіри.',
        tlsSha256: 'Закріплений відбиток сертифіката',
        tlsSha256Hint: 'Для сервера з власним (самопідписаним) сертифікатом: приймається лише сертифікат із саме цим відбитком. Оновлений сертифікат доведеться закріпити знову.',
        tlsCa: 'Власний центр сертифікації (CA)',
        tlsCaHint: 'Для локальної PKI: сертифікат сервера має бути підписаний цим CA, а його ім’я має збігатися з адресою.',
        fingerprint: 'Відбиток SHA-256 сертифіката сервера',
        fingerprintHint: 'Так, як його дає адміністратор сервера: 64 шістнадцяткові цифри; двокрапки, пробіли й регістр літер не важать.',
        fingerprintSavedAs: 'Буде збережено як',
        caPem: 'Сертифікат CA (PEM)',
        caPemHint: 'Вставте сертифікат CA, від -----BEGIN CERTIFICATE----- до -----END CERTIFICATE-----. Ніколи не вставляйте закритий ключ.',
        badFingerprint: 'Це не відбиток SHA-256: він має складатися з 64 шістнадцяткових цифр (0–9, A–F), двокрапки необов’язкові.',
        caTooLong: 'Текст задовгий (понад 64 КБ); вставте лише сертифікат CA.',
        caPrivateKey: 'Це закритий ключ, а не сертифікат. Вставте натомість сертифікат CA (BEGIN CERTIFICATE), а ключ тримайте в таємниці.',
        caNotPem: 'Вставте сертифікат CA у форматі PEM: текст, що починається з -----BEGIN CERTIFICATE-----.',
      },
    },

    noHost: {
      title: 'Dialsheet не може з’єднатися зі своїм рушієм',
      beforeStart: 'Запустіть настільний застосунок командою ',
      beforeWeb: ' або виконайте ',
      afterWeb: ' і відкрийте адресу, яку вона виведе.',
    },

    sheetTask: {
      reading: (fileName) => `Читання файлу ${fileName}`,
      readingAgain: 'Повторне читання файлу',
      newColumns: 'Перевірка з новими стовпцями',
      newOptions: 'Повторна перевірка номерів',
    },
    progress: {
      rowsRead: (n) => ` — ${rows(n)}`,
    },

    problems: {
      unexpected: 'Щось пішло не так, і більше нічого не відомо. Спробуйте ще раз, а якщо це повторюється, перегляньте журнал.',
      unexpectedNothingChanged: 'Щось пішло не так; нічого не змінено. Спробуйте ще раз, а якщо це повторюється, перегляньте журнал.',
      profilesNotLoaded: 'Не вдалося завантажити профілі.',
      editNotSaved: 'Зміну не збережено.',
    },

    dropZone: {
      region: 'Відкрити файл',
      first: 'Перетягніть таблицю з номерами телефонів (Excel .xlsx, CSV або TXT) будь-куди в це вікно або',
      another: 'Перетягніть інший файл будь-куди або',
      choose: 'Вибрати файл…',
      input: 'Таблиця, яку відкрити',
    },

    fileSettings: {
      title: 'Файл',
      encoding: 'Кодування',
      separator: 'Роздільник',
      sheet: 'Аркуш',
      hidden: ' (прихований)',
      detected: ' (визначено)',
      headerRow: 'Рядок заголовків',
      noHeader: 'Без заголовків: усі рядки — дані',
      headerChoice: (row, text) => `Рядок ${row}: ${text}`,
      encodings: {
        'utf-8': 'UTF-8 (Юнікод)',
        'utf-16le': 'UTF-16 LE (Юнікод)',
        'utf-16be': 'UTF-16 BE (Юнікод)',
        'windows-1251': 'Windows-1251 (кирилиця)',
        'windows-1252': 'Windows-1252 (західноєвропейська)',
        'koi8-u': 'KOI8-U (українська)',
        'koi8-r': 'KOI8-R (російська)',
        cp866: 'CP866 (кирилиця DOS)',
      },
      delimiters: {
        ',': 'Кома',
        ';': 'Крапка з комою',
        '\t': 'Табуляція',
        '|': 'Вертикальна риска',
      },
    },

    notes: {
      phoneColumnFromHeader: (columns) => `Стовпець телефону вибрано за заголовком (${columns}).`,
      phoneColumnFromHeaderAndContents: (columns) => `Стовпець телефону вибрано, бо його заголовок і вміст схожі на номери (${columns}).`,
      phoneColumnFromContents: (column) => `Стовпець телефону вибрано, бо більшість його клітинок схожі на номери телефонів (${column}).`,
      noPhoneColumn: 'Жоден стовпець не схожий на номери телефонів: виберіть його самі.',
      rowsAboveHeaderSkipped: (n, row, content) => `Пропущено ${rows(n)} над заголовком (рядок ${row}: «${content}»).`,
      blankRowsSkipped: (n) => `Пропущено ${counted(n, ['порожній рядок', 'порожні рядки', 'порожніх рядків', 'порожнього рядка'])}.`,
      noDataRows: 'У файлі є заголовок, але під ним немає рядків: перевіряти нема чого.',
      severalSheets: (fileName, n, sheet) =>
        `У файлі ${fileName} ${counted(n, ['аркуш', 'аркуші', 'аркушів', 'аркуша'])}; показано «${sheet}». Інший можна вибрати в розділі «Файл».`,
      wideRow: (row, limit) =>
        `У рядку ${row} понад ${counted(limit, ['стовпець', 'стовпці', 'стовпців', 'стовпця'])}; збережено лише перші ${f.count(limit)}.`,
      unclosedQuote: (row) =>
        `У рядку ${row} відкриті лапки ("), які ніде не закриваються, тож усе після них прочитано як одну клітинку. Виправте лапки у файлі або виберіть інший роздільник.`,
      nulBytesRemoved: (n) => `Із тексту видалено ${counted(n, ['NUL-байт', 'NUL-байти', 'NUL-байтів', 'NUL-байта'])}; усе інше збережено.`,
      readingStopped: (row, message) => `Читання зупинилося після рядка ${row}: ${message} Попередні рядки збережено.`,
      readingStoppedUnexplained: (row) => `Читання зупинилося після рядка ${row}: решту файлу не вдалося прочитати. Попередні рядки збережено.`,
      removedRowsBack: (n) =>
        `${n === 1 ? 'Вилучений вами рядок повернуто' : `Вилучені вами рядки повернуто (${f.count(n)})`}: файл прочитано знову з іншими налаштуваннями, тож рядки можуть бути вже не ті самі. Якщо потрібно, вилучіть їх знову.`,
    },

    guessReasons: {
      encoding: {
        byteOrderMark: (encoding) => `Файл починається з позначки порядку байтів (BOM) ${encoding}.`,
        utf16ZeroBytes: (encoding) => `Позначки порядку байтів немає, але нульові байти стоять через один — так ${encoding} зберігає цифри й латинські літери.`,
        asciiOnly: 'У файлі лише символи ASCII (цифри, латинські літери, розділові знаки), які всі підтримувані кодування читають однаково.',
        validUtf8: (n) => `Позначки порядку байтів немає; текст — коректний UTF-8 (перевірено символів поза ASCII: ${f.count(n)}).`,
        mostlyUtf8: (n, invalid) =>
          `Здебільшого коректний UTF-8 (символів: ${f.count(n)}), але некоректних байтів: ${f.count(invalid)}; на їхньому місці буде \uFFFD.`,
        codePage: (encoding, plausible, nonAscii) =>
          `Не UTF-8; прочитано як ${encoding}: ${f.count(plausible)} з ${f.count(nonAscii)} ${word(nonAscii, ['символу', 'символів', 'символів', 'символу'])} поза ASCII складаються у правдоподібні слова.`,
        nextBest: (encoding) => ` Наступне за ймовірністю: ${encoding}.`,
      },
      delimiter: {
        oneColumn: 'У кожному рядку один стовпець, тож роздільник не потрібен.',
        splitsEvenly: (percent) => `За цим роздільником рядки діляться найрівніше (упевненість ${f.count(percent)}%).`,
      },
      header: {
        chosen: 'Вибрано вами.',
        firstRowsBlank: (n) => `Перші рядки (${f.count(n)}) порожні, тож заголовка немає.`,
        phoneInFirstRow: (row, number) => `Рядок ${row} уже містить номер телефону («${number}»), тож рядка заголовків у файлі немає.`,
        namesColumns: (row, cells) => `Рядок ${row} називає стовпці (${cells}).`,
        cell: (text) => `«${text}»`,
        noHeaderFound: (n) => `Жоден із перших рядків (${f.count(n)}) не називає стовпців і не містить номера телефону, тож дані читаються з першого рядка.`,
        textAboveNumbers: (row, numbersFrom) =>
          `Жоден рядок не має відомої назви стовпця, але рядок ${row} містить текст одразу над першим номером телефону (рядок ${numbersFrom}), тож його взято за заголовок.`,
        titleAbove: (from) => ` Текст над ним (від рядка ${from}) вважається назвою, а не даними.`,
      },
    },

    checkOptions: {
      title: 'Номери',
      country: 'Країна для номерів без коду',
      countryOption: (name, code) => `${name} (${code})`,
      howToRead: 'Як читати номери',
      readAs: 'Читати як',
      e164: 'Міжнародний формат (E.164), з перевіркою',
      digits: 'Цифри як є',
      mobileOnly: 'Лише мобільні номери',
      noPremium: 'Без номерів із підвищеним тарифом',
    },

    columns: {
      title: 'Стовпці',
      roles: {
        phone: 'Телефон',
        name: 'Ім’я',
        caller: 'Caller ID (АОН)',
        custom: 'Додаткове поле',
        ignore: 'Не використовується',
      },
      source: {
        detected: 'визначено за заголовками та вмістом',
        remembered: 'як ви задали минулого разу для таких заголовків',
        chosen: 'як ви обрали',
      },
    },

    summary: {
      region: 'Підсумок',
      rows: (n) => word(n, ROWS),
      valid: (n) => word(n, ['дійсний', 'дійсні', 'дійсних', 'дійсного']),
      invalid: (n) => word(n, INVALID),
      duplicate: (n) => word(n, DUPLICATE),
      numbersToSend: (n) => `${word(n, NUMBERS)} до надсилання`,
      strip: (valid, invalid, duplicate) => `Рядків дійсних: ${f.count(valid)}, недійсних: ${f.count(invalid)}, дублікатів: ${f.count(duplicate)}`,
      byReason: 'Проблеми за причинами',
      byType: 'Придатні номери за типами (з дублікатами)',
    },

    status: { valid: 'Дійсний', invalid: 'Недійсний', duplicate: 'Дублікат', removed: 'Вилучений' },

    reasons: {
      empty: 'Немає номера',
      'not-a-number': 'Не номер',
      'too-short': 'Закороткий',
      'too-long': 'Задовгий',
      'invalid-country-code': 'Невідомий код країни',
      'invalid-for-country': 'Недійсний для країни',
      'digits-lost': 'Цифри втрачено в Excel',
      'filtered-type': 'Відфільтровано за типом',
      duplicate: 'Дублікат',
      'no-phone-column': 'Не вибрано стовпець телефону',
    },

    types: {
      MOBILE: 'Мобільний',
      FIXED_LINE: 'Стаціонарний',
      FIXED_LINE_OR_MOBILE: 'Стаціонарний або мобільний',
      PREMIUM_RATE: 'Підвищений тариф',
      TOLL_FREE: 'Безкоштовний',
      SHARED_COST: 'Спільна оплата',
      VOIP: 'VoIP',
      PERSONAL_NUMBER: 'Персональний',
      PAGER: 'Пейджер',
      UAN: 'UAN',
      VOICEMAIL: 'Голосова пошта',
    },

    rowTabs: {
      label: 'Показати рядки',
      tabs: { all: 'Усі', valid: 'Дійсні', invalid: 'Недійсні', duplicate: 'Дублікати', removed: 'Вилучені' },
    },

    rowsTable: {
      label: (fileName) => `Рядки файлу ${fileName}`,
      columns: { row: 'Рядок', status: 'Статус', number: 'Номер', type: 'Тип', problem: 'Проблема', keep: 'Вилучити' },
      fix: 'Виправити',
      fixLabel: (row) => `Виправити номер у рядку ${row}`,
      newNumber: (row) => `Новий номер для рядка ${row}`,
      remove: 'Вилучити',
      removeLabel: (row) => `Вилучити рядок ${row}: його не буде надіслано`,
      restore: 'Повернути',
      restoreLabel: (row) => `Повернути рядок ${row}`,
    },

    rowActions: {
      region: 'Вилучення рядків',
      reasonsHint: 'Виберіть проблему вище, щоб показати лише її рядки.',
      showing: (reason) => `Рядки з цією проблемою: ${reason}`,
      showAll: 'Показати всі рядки',
      removeInvalid: (n) => `Вилучити недійсні: ${rows(n)}`,
      removeDuplicates: (n) => `Вилучити дублікати: ${rows(n)}`,
      removeReason: (n) => `Вилучити ці рядки: ${f.count(n)}`,
      restoreAll: (n) => `Повернути вилучені: ${rows(n)}`,
      removed: (n) => `Вилучено: ${rows(n)}. Вони лишаються у «Вилучених» і не будуть надіслані.`,
      restored: (n) => `Повернуто: ${rows(n)}.`,
    },

    send: {
      profile: 'Профіль',
      profileOption: (name, provider) => `${name} (${provider})`,
      campaign: 'Кампанія',
      planning: 'Складаємо план…',
      sendNumbers: (n, campaignId) => `Надіслати ${numbers(n)} в кампанію ${campaignId}`,
      planAgain: 'Скласти план знову',
      notReady: 'План і надсилання стануть доступні, щойно файл буде прочитано повністю.',
    },

    wizard: {
      steps: 'Кроки імпорту',
      names: { file: 'Файл', columns: 'Стовпці', check: 'Перевірка', target: 'Куди', send: 'План і надсилання' },
      titles: {
        file: 'Як прочитати файл',
        columns: 'Що в якому стовпці',
        check: 'Перевірка номерів',
        target: 'Куди йдуть номери',
        send: 'План і надсилання',
      },
      hints: {
        file: 'Dialsheet визначив це з файлу. Змініть будь-що, і рядки нижче буде прочитано знову.',
        columns: 'Виберіть стовпець з телефонами і що в інших; номери одразу перевіряються знову.',
        check: 'Виправте номер у його рядку, вилучіть рядки, яким не слід іти, або виберіть проблему, щоб побачити її рядки. Поки нічого не надіслано.',
        target: 'Виберіть профіль, кампанію і як іде це завантаження. Наступний крок покаже план; нічого не надсилається, доки ви не натиснете «Надіслати».',
        send: 'Ось що буде надіслано. «Надіслати» завантажує це в кампанію, а квитанція показує кожен рядок.',
      },
      back: '← Назад',
      next: { columns: 'Далі: стовпці →', check: 'Далі: перевірка →', target: 'Далі: куди →', send: 'Далі: план →' },
      checkNote: (valid, leftOut) => `${f.count(valid)} дійсних · ${f.count(leftOut)} не піде`,
    },

    target: {
      where: 'Профіль і кампанія',
      options: 'Параметри цього завантаження',
      numbersPerFile: 'Номерів в одному файлі MOR',
      numbersPerFileHint: 'Великий список іде кількома файлами, тож невдале завантаження коштує один файл.',
      concurrency: 'Номерів одночасно',
      concurrencyHint: 'Ringostat приймає один номер за запит.',
      requestsPerSecond: 'Запитів за секунду',
      requestsPerSecondHint: 'Найбільше, що Dialsheet просить у Ringostat за секунду.',
      schedule: 'Коли CC-iSales імпортує файл',
      importNow: 'Щойно його завантажено',
      importAt: 'О',
      importTime: 'Час імпорту за годинником сервера',
      noSchedule: 'Цей профіль додає номери одразу через API CC-iSales; для часу імпорту в профілі потрібен файловий сервер SFTP.',
      errors: {
        numbersPerFile: (min, max) => `Вкажіть ціле число від ${f.count(min)} до ${f.count(max)}.`,
        concurrency: (min, max) => `Вкажіть ціле число від ${f.count(min)} до ${f.count(max)}.`,
        requestsPerSecond: (min, max) => `Вкажіть число від ${f.decimal(min, 1)} до ${f.decimal(max, 1)}.`,
        at: 'Вкажіть час у годинах і хвилинах, наприклад 21:30.',
      },
    },

    plan: {
      summary: (planned, numbersCount, campaignId, batches, invalid, duplicate) =>
        `Буде надіслано ${rows(planned)} (${numbers(numbersCount)}) до кампанії ${campaignId}: ${batches}. Не ввійдуть: недійсних — ${f.count(invalid)}, дублікатів — ${f.count(duplicate)}. Нічого не надіслано.`,
      travel: (travel) => {
        switch (travel.kind) {
          case 'mor-files':
            return `${counted(travel.files, ['CSV-файл', 'CSV-файли', 'CSV-файлів', 'CSV-файлу'])} (до ${f.count(travel.perFile)} ${word(travel.perFile, OF_NUMBERS)} у файлі), один за одним`;
          case 'ringostat-requests':
            return `${counted(travel.requests, REQUESTS)}, не більше ${f.decimal(travel.requestsPerSecond, decimalsOf(travel.requestsPerSecond))} за секунду й ${f.count(travel.concurrency)} одночасно (близько ${f.count(travel.seconds)} с)`;
          case 'isales-calls':
            return `${counted(travel.calls, ['виклик', 'виклики', 'викликів', 'виклику'])} add-numbers (до ${f.count(travel.perCall)} ${word(travel.perCall, OF_NUMBERS)} за виклик), з інтервалом у секунду (близько ${f.count(travel.seconds)} с)`;
          case 'isales-files':
            return `${counted(travel.files, ['файл', 'файли', 'файлів', 'файлу'])} даних дзвінків на ${travel.server}, далі CC-iSales виконає імпорт ${travel.at === null ? 'одразу' : `о ${clockTime(travel.at)} за годинником сервера`}`;
        }
      },
      batch: (kind, index, count, numbersCount) => {
        switch (kind) {
          case 'mor-files':
            return `Файл ${f.count(index)} з ${f.count(count)}`;
          case 'ringostat-requests':
            return `${counted(numbersCount, REQUESTS)}, по одному на номер`;
          case 'isales-calls':
            return `Виклик ${f.count(index)} з ${f.count(count)}`;
          case 'isales-files':
            return `Файл даних дзвінків ${f.count(index)} з ${f.count(count)}`;
        }
      },
      batches: 'Пакети',
      nothingToSend: 'Нічого надсилати: жоден рядок не має дійсного нового номера.',
      batchesTable: 'Пакети до надсилання',
      batchColumns: { batch: 'Пакет', rows: 'Рядки', numbers: 'Номери' },
      rowSpan: (first, last) => (first === last ? `рядок ${first}` : `рядки ${first}–${last}`),
      moreBatches: (n) => `…і ще ${counted(n, ['пакет', 'пакети', 'пакетів', 'пакета'])} на зразок цих.`,
      leftOut: 'Пропущені рядки',
      noneLeftOut: 'Немає: буде надіслано всі рядки.',
      leftOutTable: 'Рядки, які не буде надіслано',
      leftOutColumns: { row: 'Рядок', number: 'Номер', status: 'Статус', why: 'Причина' },
      moreLeftOut: (n) => `…і ще ${f.count(n)}; усі вони є на вкладках «Недійсні» та «Дублікати» нижче.`,
    },

    jobs: {
      state: {
        running: 'Надсилається',
        paused: 'На паузі',
        interrupted: 'Перервано',
        cancelled: 'Скасовано',
        finished: 'Завершено',
      },
      status: {
        imported: 'Імпортовано',
        rejected: 'Відхилено',
        invalid: 'Недійсний',
        duplicate: 'Дублікат',
        unknown: 'Невідомо',
        waiting: 'Очікує',
      },
      statusCount: {
        imported: () => 'імпортовано',
        rejected: () => 'відхилено',
        invalid: (n) => word(n, INVALID),
        duplicate: (n) => word(n, DUPLICATE),
        unknown: (n) => word(n, ['невідомий', 'невідомі', 'невідомих', 'невідомого']),
        waiting: (n) => word(n, ['очікує', 'очікують', 'очікують', 'очікує']),
      },
      target: (fileName, provider, campaignId) => `${fileName} → ${provider}, кампанія ${campaignId}`,
      duration,
      fileHash: (sha256) => `SHA-256 файлу: ${sha256}`,
    },

    progressLine: {
      group: 'Перебіг надсилання',
      pausing: 'Ставимо на паузу після номерів, що вже надсилаються…',
      cancelling: 'Скасовуємо після номерів, що вже надсилаються…',
      sending: 'Надсилається',
      starting: 'Запуск…',
      done: (done, total) => `Оброблено ${outOf(done, total)}`,
      withOutcome: (done, total) => `Результат є для ${outOf(done, total)}`,
      rate: (perSecond) => `${f.decimal(perSecond, 1)} номерів/с`,
      workingOut: 'обчислюємо, скільки лишилося',
      left: (d) => `лишилося близько ${duration(d)}`,
      pause: 'Пауза',
      cancel: 'Скасувати',
      bar: 'Номери з результатом',
      confirmTitle: 'Скасувати це завантаження?',
      confirm: 'Скасувати завантаження',
      keep: 'Продовжити надсилання',
      confirmSent:
        'Уже надіслані номери залишаться в кампанії. Ще не надіслані надіслано не буде, а квитанція позначить їх як відхилені з повідомленням «Not sent».',
      confirmLater: 'Їх можна буде надіслати пізніше кнопкою «Повторити невдалі».',
    },

    receipt: {
      exportCsv: 'Експорт CSV',
      exportXlsx: 'Експорт XLSX',
      reading: 'Читання квитанції…',
      exportFailed: (message) => `Не вдалося експортувати квитанцію: ${message}`,
      campaignOf: (provider) => `${provider}, кампанія `,
      took: (d) => `, надсилання тривало ${duration(d)}`,
      rows: (n) => `${word(n, ROWS)}:`,
      notSentYet: (n) => `${rows(n)} ще не надіслано.`,
      resume: 'Продовжити',
      retryFailed: 'Повторити невдалі',
      cancelRest: 'Скасувати решту',
      unknownGroup: 'Номери з невідомим результатом',
      unknownHeadline: (n) => `${f.count(n)} ${word(n, ['рядок має', 'рядки мають', 'рядків мають', 'рядка мають'])} номер із невідомим результатом.`,
      unknownBody: (n, provider) => {
        const it = n === 1 ? 'його' : 'їх';
        return `Dialsheet зупинився або втратив з’єднання, коли ${it} надсилали, тож ${provider} може мати ${it}, а може й ні. Перевірте кампанію, якщо можете, а тоді оберіть. Без вашого рішення нічого не буде надіслано повторно.`;
      },
      theProvider: 'провайдер',
      sendAgain: 'Надіслати повторно',
      leaveUnknown: 'Залишити невідомими',
      runningHint: 'Результат кожного рядка з’явиться тут, коли надсилання завершиться; поставте на паузу, щоб побачити його раніше.',
      elsewhereHint:
        'Це завантаження надсилає інший Dialsheet (вікно або командний рядок); ставте на паузу там. Ця квитанція показує стан на момент читання.',
      refresh: 'Оновити',
      tabs: 'Показати рядки квитанції',
      all: 'Усі',
      rowsLabel: (fileName) => `Рядки квитанції за ${fileName}`,
      resendTitle: 'Надіслати номери з невідомим результатом повторно?',
      resendConfirm: 'Надіслати повторно',
      resendCancel: 'Не надсилати',
      resendRisk: (provider) =>
        `${capital(provider)} може вже мати деякі з цих номерів. Якщо надіслати їх повторно, номер може потрапити в кампанію двічі, і тоді на нього можуть подзвонити двічі.`,
      resendAdvice: 'Якщо можете, спершу перевірте кампанію й залиште номери, які вже дійшли.',
      cancelTitle: 'Скасувати решту цього завантаження?',
      cancelConfirm: 'Скасувати решту',
      cancelKeep: 'Залишити',
      cancelBody:
        'Ще не надіслані рядки надіслано не буде, а квитанція позначить їх як відхилені з повідомленням «Not sent». Їх можна буде надіслати пізніше кнопкою «Повторити невдалі».',
    },

    receiptTable: {
      columns: { row: 'Рядок', number: 'Номер', status: 'Статус', message: 'Повідомлення' },
      readFailed: (message) => `Не вдалося прочитати квитанцію: ${message}`,
      tryAgain: 'Спробувати ще раз',
      noRows: 'У цій квитанції немає рядків: у файлі не було рядків із даними.',
      noRowsOfStatus: 'Немає рядків із таким статусом.',
      notSent: (reason) => `Не надіслано: ${reason}`,
      removed: 'Вилучено перед надсиланням.',
    },

    history: {
      refresh: 'Оновити',
      tryAgain: 'Спробувати ще раз',
      showAll: (n) => `Показати всі (${f.count(n)})`,
      readFailed: (message) => `Не вдалося прочитати історію: ${message}`,
      reading: 'Читання історії…',
      empty: 'Завантажень ще немає. Кожен надісланий список зберігається тут разом із квитанцією, а перерване завантаження можна продовжити звідси.',
      table: 'Завантаження',
      columns: {
        created: 'Створено',
        file: 'Файл',
        profile: 'Профіль',
        provider: 'Провайдер',
        campaign: 'Кампанія',
        state: 'Стан',
        rows: 'Рядки',
        took: 'Тривалість',
        receipt: 'Квитанція',
      },
      choiceNeeded: ' · потрібне рішення',
      noRows: 'немає рядків',
      count: (status, n) => `${f.count(n)} ${status}`,
      rowsTitle: (rowCount, done, total) => `${rows(rowCount)}; результат є для ${outOf(done, total)}`,
      open: 'Відкрити',
      openLabel: (fileName, when) => `Відкрити квитанцію за ${fileName}, ${when}`,
    },

    ivr: {
      title: 'Результати IVR-опитування',
      intro: 'Відповіді абонентів в IVR-опитуванні кампанії MOR, як їх зберігає MOR. MOR не називає полів, тож стовпці пронумеровано.',
      profile: 'Профіль MOR',
      campaign: 'Кампанія',
      fetch: 'Отримати',
      fetching: 'Отримання…',
      readingProfiles: 'Читання профілів…',
      noMorProfile: 'Немає профілю MOR. Додайте його на екрані «Облікові записи».',
      notFetched: 'Виберіть профіль і кампанію, потім натисніть «Отримати».',
      fetchFailed: (message) => `Не вдалося отримати результати IVR: ${message}`,
      noResults: (campaign) => `У MOR ще немає результатів IVR-опитування для кампанії ${campaign}.`,
      resultsOf: (campaign, n) => `Кампанія ${campaign}: ${rows(n)} результатів`,
      tableLabel: (campaign) => `Результати IVR-опитування кампанії ${campaign}`,
      line: 'Рядок',
      exportCsv: 'Експорт CSV',
      exportXlsx: 'Експорт XLSX',
      exportFailed: (message) => `Не вдалося експортувати результати IVR: ${message}`,
      chartTitle: 'Відповіді за запитаннями',
      chartNote: 'Рядки, у яких є значення в кожному пронумерованому полі.',
      answers: (n) => counted(n, ['відповідь', 'відповіді', 'відповідей', 'відповіді']),
      chartSummary: (parts) => `Відповіді за запитаннями: ${parts}.`,
      chartPart: (field, n) => `${field}: ${f.count(n)}`,
    },

    clis: {
      title: 'Додати CLI',
      intro:
        'Додає CLI з таблиці до пристроїв MOR, один запит на рядок: стовпці з ID пристрою та номером або доменом, за бажанням опис, коментар, заблоковано та ID IVR (CSV, TSV, TXT або XLSX; заголовки англійською, українською чи російською). Спершу таблицю перевіряє цей комп’ютер; «Додати» надсилає готові рядки, і кожен отримує свій результат.',
      profile: 'Профіль MOR',
      dropRegion: 'Таблиця CLI',
      dropHere: 'Перетягніть сюди таблицю CLI або виберіть її.',
      chosen: (fileName) => `Вибрано: ${fileName}. Щоб замінити, перетягніть або виберіть іншу таблицю.`,
      choose: 'Вибрати таблицю CLI…',
      input: 'Таблиця CLI',
      send: 'Додати CLI',
      sendCount: (n) => `Додати ${f.count(n)} CLI`,
      sending: 'Додавання…',
      checking: (fileName) => `Перевірка ${fileName}…`,
      checkFailed: (message) => `Не вдалося перевірити таблицю: ${message}`,
      checkSummary: (fileName, n, ready, invalid) =>
        `${fileName}: перевірено ${rows(n)}: готових ${f.count(ready)}, недійсних ${f.count(invalid)}. Ще нічого не надіслано.`,
      recognisedColumns: (list) => `Розпізнані стовпці: ${list}.`,
      recognisedColumn: (header, role) => `«${header}» — ${role}`,
      columnRole: {
        device: 'ID пристрою',
        number: 'номер CLI',
        domain: 'домен CLI',
        description: 'опис',
        comment: 'коментар',
        banned: 'заблоковано',
        ivr: 'ID IVR',
      },
      checkTableLabel: (fileName) => `Перевірка кожного CLI у ${fileName}`,
      description: 'Опис',
      comment: 'Коментар',
      banned: 'Заблоковано',
      ivr: 'ID IVR',
      check: 'Перевірка',
      reason: 'Причина',
      checkStatus: { all: 'Усі', ready: 'Готово', invalid: 'Недійсний' },
      progressLabel: 'Додавання CLI',
      progress: (done, total) => ` — оброблено ${f.count(done)} з ${f.count(total)} ${word(total, ['рядка', 'рядків', 'рядків', 'рядка'])}`,
      exportCsv: 'Експорт CSV',
      exportXlsx: 'Експорт XLSX',
      exportFailed: (message) => `Не вдалося експортувати квитанцію CLI: ${message}`,
      readingProfiles: 'Читання профілів…',
      noMorProfile: 'Немає профілю MOR. Додайте його на екрані «Облікові записи».',
      notSent: 'Виберіть профіль і таблицю CLI, потім натисніть «Додати CLI».',
      sendFailed: (message) => `Не вдалося додати CLI: ${message}`,
      summary: (fileName, n, added, rejected, invalid, unknown) =>
        `${fileName}: CLI — ${f.count(n)}: додано ${f.count(added)}, відхилено ${f.count(rejected)}, недійсних ${f.count(invalid)}, невідомо ${f.count(unknown)}`,
      filterLabel: 'Показати CLI',
      tableLabel: (fileName) => `Результат кожного CLI у ${fileName}`,
      row: 'Рядок',
      device: 'Пристрій',
      cli: 'CLI',
      outcome: 'Результат',
      message: 'Повідомлення',
      status: { all: 'Усі', added: 'Додано', rejected: 'Відхилено', invalid: 'Недійсний', unknown: 'Невідомо' },
    },

    unfinished: {
      region: 'Незавершене завантаження',
      paused: 'Завантаження на паузі',
      interrupted: 'Завантаження перервано',
      text: (what, target, done, total) => `${what}: ${target}; результат є для ${outOf(done, total)}.`,
      others: (n) => ` Ще незавершених в історії: ${f.count(n)}.`,
      resume: 'Продовжити',
      openReceipt: 'Відкрити квитанцію',
      notNow: 'Не зараз',
      notNowLabel: 'Сховати це повідомлення до наступного запуску Dialsheet',
    },
  };
}
