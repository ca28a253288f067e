/**
 * A letter-pair model of Ukrainian and Russian, used to tell a right Cyrillic decoding from a
 * wrong one. Windows-1251 and KOI8 both map their upper half onto Cyrillic letters, so a file
 * read in the wrong one of them still shows "letters"; only the way letters follow each other
 * gives it away (a wrong reading is full of pairs such as "ъх" or words starting with "ь").
 *
 * The model is trained at load time on the short sample below instead of shipping a frequency
 * table: the sample is readable, can be extended by anyone, and a few kilobytes of ordinary
 * call-centre prose carry the pairs that matter. Words that tests use as fixtures are kept out
 * of it on purpose, so the tests show that the model generalises.
 */

const TRAINING_TEXT = `
Доброго дня! Вас турбує контактний центр. Ми телефонуємо щодо вашої заявки на підключення
інтернету. Чи зручно вам зараз говорити? Оператор передзвонить завтра після обіду, якщо клієнт
не відповідає. Номер телефону потрібно перевірити перед завантаженням у кампанію. Абонент просив
не дзвонити у вихідні. Коментар: клієнт погодився на зустріч у четвер о десятій ранку. Адреса:
місто Київ, вулиця Садова, будинок дванадцять, квартира сорок. Прізвище, ім'я та по батькові
записані в окремій колонці. Список абонентів оновлюється щотижня, тому старі номери видаляються.
Якщо номер зайнятий або недоступний, система набирає його ще раз через годину. Супервізор
перевіряє звіт і позначає помилкові рядки. Мобільний телефон клієнта вказаний без коду країни.
Дзвінок тривав чотири хвилини, розмова була спокійною. Відділ продажів чекає на результати
обдзвону до кінця місяця. Дякуємо за вашу відповідь, гарного вечора. Примітка: не турбувати,
клієнт вже має договір. Сума боргу погашена частково, наступний платіж очікується в понеділок.
Коваленко Олена Миколаївна, Бондаренко Сергій Володимирович, Ткаченко Наталія Василівна,
Кравченко Андрій Олександрович, Олійник Тетяна Іванівна, Мельник Юрій Степанович, Савченко
Оксана Віталіївна, Руденко Дмитро Анатолійович, Лисенко Ганна Богданівна, Поліщук Віктор
Євгенович, Гончаренко Людмила Григорівна, Марченко Ярослав Вікторович, Захарчук Галина
Федорівна, Кузьменко Ігор Романович, Литвиненко Марія Ігорівна, Ґудзь Богдан Ілліч.
Харків, Одеса, Дніпро, Львів, Запоріжжя, Вінниця, Полтава, Чернігів, Житомир, Черкаси, Суми,
Рівне, Ужгород, Тернопіль, Луцьк, Хмельницький, Кропивницький, Миколаїв, Херсон.

Здравствуйте! Вас беспокоит служба поддержки клиентов. Мы звоним по поводу вашей заявки на
подключение услуги. Удобно ли вам сейчас разговаривать? Оператор перезвонит завтра после обеда,
если абонент не ответит. Перед загрузкой в кампанию номер телефона нужно проверить. Клиент
просил не звонить в выходные дни. Комментарий: согласился на встречу в четверг в десять часов
утра. Адрес: город Москва, улица Садовая, дом двенадцать, квартира сорок. Фамилия, имя и
отчество записаны в отдельном столбце. Список абонентов обновляется каждую неделю, поэтому
старые номера удаляются. Если номер занят или недоступен, система наберёт его ещё раз через час.
Руководитель смены проверяет отчёт и отмечает ошибочные строки. Мобильный телефон клиента указан
без кода страны. Звонок длился четыре минуты, разговор был спокойным. Отдел продаж ждёт
результатов обзвона до конца месяца. Спасибо за ваш ответ, хорошего вечера. Примечание: не
беспокоить, у клиента уже есть договор. Сумма долга погашена частично, следующий платёж ожидается
в понедельник. Объявление о съезде подъезда в объезд.
Петров Сергей Николаевич, Сидорова Анна Михайловна, Смирнов Алексей Викторович, Кузнецова Ольга
Петровна, Попов Дмитрий Сергеевич, Васильева Елена Александровна, Соколов Андрей Юрьевич,
Михайлова Татьяна Владимировна, Новиков Максим Олегович, Фёдорова Наталья Игоревна, Морозов
Павел Евгеньевич, Волкова Екатерина Андреевна, Лебедев Григорий Ильич, Зайцева Юлия Эдуардовна.
Санкт-Петербург, Новосибирск, Екатеринбург, Казань, Нижний Новгород, Челябинск, Самара, Ростов,
Уфа, Красноярск, Воронеж, Пермь, Волгоград, Хабаровск, Чебоксары, Щёлково, Элиста, Якутск.

Телефон Тел Номер Мобільний Мобильный Ім'я Имя ПІБ ФИО Прізвище Фамилия Примітка Примечание
Дата Статус Місто Город Регіон Регион Компанія Компания Клієнт Клиент Контакт Коментар
`;

const ALPHABET = 'абвгґдеёєжзиіїйклмнопрстуфхцчшщъыьэюя';
/** Marks the start and end of a word, so that "which letters begin and end words" is learned too. */
const EDGE = ' ';
/** Add-half smoothing: an unseen pair is unlikely, not impossible (names are endless). */
const SMOOTHING = 0.5;

interface BigramCounts {
  pairs: Map<string, number>;
  firsts: Map<string, number>;
}

function trainingWords(text: string): string[] {
  return text.toLowerCase().split(/[^абвгґдеёєжзиіїйклмнопрстуфхцчшщъыьэюя]+/u).filter((word) => word.length > 0);
}

function countBigrams(words: readonly string[]): BigramCounts {
  const pairs = new Map<string, number>();
  const firsts = new Map<string, number>();
  for (const word of words) {
    const framed = EDGE + word + EDGE;
    for (let i = 0; i + 1 < framed.length; i += 1) {
      const first = framed.charAt(i);
      const pair = framed.slice(i, i + 2);
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
  }
  return { pairs, firsts };
}

const COUNTS = countBigrams(trainingWords(TRAINING_TEXT));
const SYMBOLS = ALPHABET.length + 1;

function pairLogProb(first: string, second: string): number {
  const pairCount = COUNTS.pairs.get(first + second) ?? 0;
  const firstCount = COUNTS.firsts.get(first) ?? 0;
  return Math.log((pairCount + SMOOTHING) / (firstCount + SMOOTHING * SYMBOLS));
}

export interface WordLikelihood {
  /** Sum of natural-log probabilities of each letter given the one before it. */
  logProb: number;
  /** How many letter pairs were scored, word edges included, so callers can average. */
  pairs: number;
}

/**
 * How Ukrainian- or Russian-like a word is. Case is ignored because a wrong KOI8/1251 reading
 * also swaps case and that is judged separately. Characters outside the two alphabets score
 * as never-seen pairs; callers are expected to pass only Cyrillic words.
 */
export function cyrillicWordLikelihood(word: string): WordLikelihood {
  const framed = EDGE + word.toLowerCase() + EDGE;
  let logProb = 0;
  let pairs = 0;
  for (let i = 0; i + 1 < framed.length; i += 1) {
    logProb += pairLogProb(framed.charAt(i), framed.charAt(i + 1));
    pairs += 1;
  }
  return { logProb, pairs };
}
