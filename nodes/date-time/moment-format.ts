// moment.js format tokens (en locale) on Luxon DateTimes, for Date & Time v1, which formats and
// parses with moment patterns such as `MM/DD/YYYY` or `dddd, MMMM Do YYYY`.
import type { DateTime } from 'luxon';

const LONG_FORMATS: Record<string, string> = {
  LTS: 'h:mm:ss A', LT: 'h:mm A', LLLL: 'dddd, MMMM D, YYYY h:mm A', LLL: 'MMMM D, YYYY h:mm A', LL: 'MMMM D, YYYY',
  L: 'MM/DD/YYYY', llll: 'ddd, MMM D, YYYY h:mm A', lll: 'MMM D, YYYY h:mm A', ll: 'MMM D, YYYY', l: 'M/D/YYYY',
};
const LONG_TOKENS = /(\[[^[]*\])|(\\)?(LTS|LT|LL?L?L?|l{1,4})/g;
const TOKENS = /(\[[^[]*\])|(\\)?([Hh]mm(ss)?|Mo|MM?M?M?|Do|DDDo|DD?D?D?|ddd?d?|do?|w[o|w]?|W[o|W]?|Qo?|N{1,5}|YYYYYY|YYYYY|YYYY|YY|y{2,4}|yo?|gg(ggg?)?|GG(GGG?)?|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|.)/g;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (value: number, length: number) => `${value < 0 ? '-' : ''}${String(Math.abs(value)).padStart(length, '0')}`;

export function ordinal(n: number): string {
  const tens = Math.floor((n % 100) / 10);
  const suffix = tens === 1 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** US weeks (weeks start Sunday; week 1 holds January 1st), as moment's en locale counts them. */
function localeWeek(dt: DateTime): { week: number; year: number } {
  const firstWeekOffset = (year: number) => {
    const fwd = 7 + 0 - 6;
    const fwdlw = (7 + new Date(Date.UTC(year, 0, fwd)).getUTCDay()) % 7;
    return -fwdlw + fwd - 1;
  };
  const daysInYear = (year: number) => ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365);
  const weeksInYear = (year: number) => (daysInYear(year) - firstWeekOffset(year) + firstWeekOffset(year + 1)) / 7;
  const week = Math.floor((dt.ordinal - firstWeekOffset(dt.year) - 1) / 7) + 1;
  if (week < 1) return { year: dt.year - 1, week: week + weeksInYear(dt.year - 1) };
  if (week > weeksInYear(dt.year)) return { year: dt.year + 1, week: week - weeksInYear(dt.year) };
  return { year: dt.year, week };
}

function offset(dt: DateTime, separator: string): string {
  const minutes = dt.offset;
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}

function token(dt: DateTime, t: string): string {
  const dow = dt.weekday % 7;
  const hour12 = dt.hour % 12 || 12;
  switch (t) {
    case 'M': return String(dt.month);
    case 'Mo': return ordinal(dt.month);
    case 'MM': return pad(dt.month, 2);
    case 'MMM': return MONTHS[dt.month - 1].slice(0, 3);
    case 'MMMM': return MONTHS[dt.month - 1];
    case 'Q': return String(dt.quarter);
    case 'Qo': return ordinal(dt.quarter);
    case 'D': return String(dt.day);
    case 'Do': return ordinal(dt.day);
    case 'DD': return pad(dt.day, 2);
    case 'DDD': return String(dt.ordinal);
    case 'DDDo': return ordinal(dt.ordinal);
    case 'DDDD': return pad(dt.ordinal, 3);
    case 'd': case 'e': return String(dow);
    case 'do': return ordinal(dow);
    case 'dd': return DAYS[dow].slice(0, 2);
    case 'ddd': return DAYS[dow].slice(0, 3);
    case 'dddd': return DAYS[dow];
    case 'E': return String(dt.weekday);
    case 'w': return String(localeWeek(dt).week);
    case 'wo': return ordinal(localeWeek(dt).week);
    case 'ww': return pad(localeWeek(dt).week, 2);
    case 'W': return String(dt.weekNumber);
    case 'Wo': return ordinal(dt.weekNumber);
    case 'WW': return pad(dt.weekNumber, 2);
    case 'YY': return pad(dt.year % 100, 2);
    case 'YYYY': return dt.year <= 9999 ? pad(dt.year, 4) : `+${dt.year}`;
    case 'YYYYY': return pad(dt.year, 5);
    case 'YYYYYY': return `${dt.year < 0 ? '-' : '+'}${pad(Math.abs(dt.year), 6)}`;
    case 'Y': case 'y': return String(dt.year);
    case 'gg': return pad(localeWeek(dt).year % 100, 2);
    case 'gggg': return pad(localeWeek(dt).year, 4);
    case 'ggggg': return pad(localeWeek(dt).year, 5);
    case 'GG': return pad(dt.weekYear % 100, 2);
    case 'GGGG': return pad(dt.weekYear, 4);
    case 'GGGGG': return pad(dt.weekYear, 5);
    case 'A': return dt.hour < 12 ? 'AM' : 'PM';
    case 'a': return dt.hour < 12 ? 'am' : 'pm';
    case 'H': return String(dt.hour);
    case 'HH': return pad(dt.hour, 2);
    case 'h': return String(hour12);
    case 'hh': return pad(hour12, 2);
    case 'k': return String(dt.hour || 24);
    case 'kk': return pad(dt.hour || 24, 2);
    case 'm': return String(dt.minute);
    case 'mm': return pad(dt.minute, 2);
    case 's': return String(dt.second);
    case 'ss': return pad(dt.second, 2);
    case 'hmm': return `${hour12}${pad(dt.minute, 2)}`;
    case 'hmmss': return `${hour12}${pad(dt.minute, 2)}${pad(dt.second, 2)}`;
    case 'Hmm': return `${dt.hour}${pad(dt.minute, 2)}`;
    case 'Hmmss': return `${dt.hour}${pad(dt.minute, 2)}${pad(dt.second, 2)}`;
    case 'X': return String(Math.floor(dt.toMillis() / 1000));
    case 'x': return String(dt.toMillis());
    case 'Z': return offset(dt, ':');
    case 'ZZ': return offset(dt, '');
    case 'z': case 'zz': return dt.offsetNameShort ?? '';
    case 'N': case 'NN': case 'NNN': return dt.year > 0 ? 'AD' : 'BC';
    case 'NNNN': return dt.year > 0 ? 'Anno Domini' : 'Before Christ';
    case 'NNNNN': return dt.year > 0 ? 'AD' : 'BC';
    default:
      if (/^S{1,9}$/.test(t)) return pad(dt.millisecond, 3).padEnd(9, '0').slice(0, t.length);
      return t;
  }
}

function expandLongFormats(format: string): string {
  let previous = '';
  let current = format;
  for (let i = 0; i < 5 && current !== previous; i++) {
    previous = current;
    current = current.replace(LONG_TOKENS, (match, literal, escaped, name: string) => (literal || escaped ? match : (LONG_FORMATS[name] ?? match)));
  }
  return current;
}

/** moment's `format(pattern)`: `[...]` is literal text, `\x` escapes one character. */
export function formatMoment(dt: DateTime, format: string): string {
  return expandLongFormats(format).replace(TOKENS, (match, literal?: string, escaped?: string, name?: string) => {
    if (literal) return literal.slice(1, -1);
    if (escaped) return match.slice(1);
    return token(dt, name ?? match);
  });
}

const PARSE_TOKENS: Record<string, string> = {
  YYYY: 'yyyy', YY: 'yy', Y: 'y', MMMM: 'MMMM', MMM: 'MMM', MM: 'MM', M: 'M', DDDD: 'ooo', DDD: 'o', DD: 'dd', D: 'd', Do: 'd',
  dddd: 'EEEE', ddd: 'EEE', HH: 'HH', H: 'H', hh: 'hh', h: 'h', kk: 'HH', k: 'H', mm: 'mm', m: 'm', ss: 'ss', s: 's',
  SSS: 'SSS', SS: 'SSS', S: 'S', A: 'a', a: 'a', Z: 'ZZ', ZZ: 'ZZZ', X: 'X', x: 'x', E: 'E', W: 'W', WW: 'WW', GGGG: 'kkkk',
};

/** A moment parse pattern as a Luxon `fromFormat` pattern (text between tokens becomes literal). */
export function momentToLuxonFormat(format: string): string {
  return expandLongFormats(format).replace(TOKENS, (match, literal?: string, escaped?: string, name?: string) => {
    if (literal) return `'${literal.slice(1, -1).replace(/'/g, "''")}'`;
    if (escaped) return `'${match.slice(1)}'`;
    const mapped = PARSE_TOKENS[name ?? match];
    if (mapped) return mapped;
    return /[a-z]/i.test(match) ? `'${match}'` : match;
  });
}
