import { afterAll, describe, expect, it } from 'vitest';
import { createExpressionEvaluator } from './evaluator.ts';
import { simpleContext } from './test-helpers.ts';

const evaluator = createExpressionEvaluator();
afterAll(() => evaluator.dispose());
const ctx = simpleContext([{ json: { s: 'x', n: 5, when: '2024-03-30T18:49:00.000Z', nothing: null } }], { timezone: 'Europe/Berlin' });
const run = (code: string) => evaluator.evaluate(`={{ ${code} }}`, ctx, { parameter: 'value' });

// Expected values are n8n's documented examples (extension .doc entries and docs.n8n.io).
const cases: [string, unknown][] = [
  // strings
  ['"*bold*, [link]()".removeMarkdown()', 'bold, link'],
  ['"<b>bold</b>, <a>link</a>".removeTags()', 'bold, link'],
  ['"true".toBoolean()', true],
  ['"false".toBoolean()', false],
  ['"0".toBoolean()', false],
  ['"hello".toBoolean()', true],
  ['"quick! brown FOX".toSentenceCase()', 'Quick! Brown fox'],
  ['"quick brown $FOX".toSnakeCase()', 'quick_brown_fox'],
  ['"quick a brown FOX".toTitleCase()', 'Quick a Brown FOX'],
  ['"name=Nathan Automat".urlEncode()', 'name%3DNathan%20Automat'],
  ['"name=Nathan Automat".urlEncode(true)', 'name=Nathan%20Automat'],
  ['"name%3DNathan%20Automat".urlDecode()', 'name=Nathan Automat'],
  ['"name%3DNathan%20Automat".urlDecode(true)', 'name%3DNathan Automat'],
  ['"déjà".replaceSpecialChars()', 'deja'],
  ['"n8n.io".isDomain()', true],
  ['"http://n8n.io".isDomain()', false],
  ['"hello".isDomain()', false],
  ['"me@example.com".isEmail()', true],
  ['"It\'s me@example.com".isEmail()', false],
  ['"hello".isEmail()', false],
  ['"1.2234".isNumeric()', true],
  ['"hello".isNumeric()', false],
  ['"123E23".isNumeric()', true],
  ['"https://n8n.io".isUrl()', true],
  ['"n8n.io".isUrl()', false],
  ['"".isEmpty()', true],
  ['"hello".isEmpty()', false],
  ['"hello".isNotEmpty()', true],
  ['"   ".isBlank()', true],
  ['"  hello  ".isNotBlank()', true],
  ['"My email is me@example.com".extractEmail()', 'me@example.com'],
  ['"me@example.com".extractDomain()', 'example.com'],
  ['"http://n8n.io/workflows".extractDomain()', 'n8n.io'],
  ['"It\'s me@example.com".extractEmail().extractDomain()', 'example.com'],
  ['"Check out http://n8n.io".extractUrl()', 'http://n8n.io'],
  ['"http://n8n.io/workflows".extractUrlPath()', '/workflows'],
  ['"hello".hash()', '5d41402abc4b2a76b9719d911017c592'],
  ['"hello".hash("sha1")', 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d'],
  ['"hello".hash("base64")', 'aGVsbG8='],
  ['\'Nathan says "hi"\'.quote()', '"Nathan says \\"hi\\""'],
  ['\'{"name":"Nathan"}\'.parseJson()', { name: 'Nathan' }],
  ['"hello".base64Encode()', 'aGVsbG8='],
  ['"aGVsbG8=".base64Decode()', 'hello'],
  ['"123".toNumber()', 123],
  ['"1.23E10".toNumber()', 12300000000],
  ['"$1,000".toInt()', 1],
  ['"12.5".toFloat()', 12.5],
  ['"ff".toInt(16)', 255],
  ['"foo".toJsonString()', '"foo"'],
  ['"abc".length()', 3],
  // numbers
  ['(1.234).ceil()', 2],
  ['(1.234).floor()', 1],
  ['(33).isEven()', false],
  ['(42).isEven()', true],
  ['(33).isOdd()', true],
  ["(123456.789).format('de-DE')", '123.456,789'],
  ["(123456.789).format('de-DE', {'style': 'currency', 'currency': 'EUR'})", '123.456,79\u00a0€'],
  ['(1.256).round()', 1],
  ['(1.256).round(1)', 1.3],
  ['(1.256).round(2)', 1.26],
  ['(12).toBoolean()', true],
  ['(0).toBoolean()', false],
  ['(-1.7).abs()', 1.7],
  ['(4.12).isInteger()', false],
  ['$json.n.toInt()', 5],
  // booleans
  ['true.toNumber()', 1],
  ['false.toInt()', 0],
  // arrays
  ['[12, 1, 5].average()', 6],
  ['[2, null, 1, ""].compact()', [2, 1]],
  ['[].isEmpty()', true],
  ["['quick', 'brown', 'fox'].isNotEmpty()", true],
  ["['quick', 'brown', 'fox'].first()", 'quick'],
  ["['quick', 'brown', 'fox'].last()", 'fox'],
  ['[1, 12, 5].max()', 12],
  ['[12, 1, 5].min()', 1],
  ['[12, 1, 5].sum()', 18],
  ['[1, 2, 3, 4, 5, 6].chunk(2)', [[1, 2], [3, 4], [5, 6]]],
  ['[1, 2, 3].difference([2, 3])', [1]],
  ['[1, 2].intersection([2, 3])', [2]],
  ["[{ name: 'Nathan' }, { age: 42 }].merge([{ city: 'Berlin' }, { country: 'Germany' }])", { name: 'Nathan', age: 42, city: 'Berlin', country: 'Germany' }],
  ["[{ name: 'Nathan', age: 42 },{ name: 'Jan', city: 'Berlin' }].pluck('name')", ['Nathan', 'Jan']],
  ["[{ name: 'Nathan', age: 42 },{ name: 'Jan', city: 'Berlin' }].pluck('age')", [42]],
  ["[{ name: 'bob' }, { name: 'meg' }].renameKeys('name', 'x')", [{ x: 'bob' }, { x: 'meg' }]],
  ["[{ field: 'age', value: 2 }, { field: 'city', value: 'Berlin' }].smartJoin('field', 'value')", { age: 2, city: 'Berlin' }],
  ['[1, 2].union([2, 3])', [1, 2, 3]],
  ["['quick', 'brown', 'quick'].unique()", ['quick', 'brown']],
  ["[{ name: 'Nathan', age: 42 }, { name: 'Nathan', age: 22 }].unique('name')", [{ name: 'Nathan', age: 42 }]],
  ["['quick', 'brown', 'fox'].toJsonString()", '["quick","brown","fox"]'],
  ["['forget', 'me'].append('not')", ['forget', 'me', 'not']],
  ['[9, 0, 2].append(1, 0)', [9, 0, 2, 1, 0]],
  ['[1, 2].removeDuplicates()', [1, 2]],
  // objects
  ["({'name': 'Nathan'}).isEmpty()", false],
  ['({}).isEmpty()', true],
  ["({ x: null, y: 2, z: '' }).compact()", { y: 2 }],
  ["({ name: 'Mr Nathan', city: 'hanoi' }).urlEncode()", 'name=Mr+Nathan&city=hanoi'],
  ["({ name: 'Nathan', age: 42 }).hasField('name')", true],
  ["({ name: 'Nathan', age: 42 }).hasField('Name')", false],
  ["({ name: 'Nathan', city: 'hanoi' }).removeField('name')", { city: 'hanoi' }],
  ["({ name: 'Mr Nathan', city: 'hanoi', age: 42 }).removeFieldsContaining('Nathan')", { city: 'hanoi', age: 42 }],
  ["({ name: 'Mr Nathan', city: 'hanoi', age: 42 }).keepFieldsContaining('han')", { name: 'Mr Nathan', city: 'hanoi' }],
  ["({ name: 'Mr Nathan', age: 42 }).keys()", ['name', 'age']],
  ["({ name: 'Mr Nathan', age: 42 }).values()", ['Mr Nathan', 42]],
  ["({ name: 'Nathan', age: 42 }).toJsonString()", '{"name":"Nathan","age":42}'],
  // null-safe generic versions
  ['$json.missing.isEmpty()', true],
  ['$json.nothing.isNotEmpty()', false],
  ['$json.missing?.toInt()', undefined],
  // dates (workflow zone Europe/Berlin)
  ["'2024-03-30T18:49'.toDateTime().extract('month')", 3],
  ["'2024-03-30T18:49'.toDateTime().extract('hour')", 18],
  ["'2024-04-30T18:49'.toDateTime().format('dd/LL/yyyy')", '30/04/2024'],
  ["'2024-04-30T18:49'.toDateTime().format('dd LLL yy')", '30 Apr 24'],
  ["'2024-04-30T18:49'.toDateTime().setLocale('fr').format('dd LLL yyyy')", '30 avr. 2024'],
  ["'2024-04-30T18:49'.toDateTime().format(\"HH 'hours and' mm 'minutes'\")", '18 hours and 49 minutes'],
  ["'2024-03-30T18:49'.toDateTime().isBetween('2020-06-01', '2025-06-01')", true],
  ["'2024-03-30T18:49'.toDateTime().isBetween('2020', '2025')", true],
  ["'2024-03-30T18:49'.toDateTime().plus(7, 'days').toISO()", '2024-04-06T18:49:00.000+02:00'],
  ["'2024-03-30T18:49'.toDateTime().minus(4, 'years').toISO()", '2020-03-30T18:49:00.000+02:00'],
  ["'2024-03-30T18:49'.toDateTime().plus({ hours: 1 }).hour", 19],
  ["'2024-03-30T18:49'.toDateTime().beginningOf('month').toISO()", '2024-03-01T00:00:00.000+01:00'],
  ["'2024-02-10T10:00'.toDateTime().endOfMonth().day", 29],
  ["'2024-03-30T18:49'.toDateTime().isWeekend()", true],
  ["'2024-07-01T12:00'.toDateTime().isDst()", true],
  ["'2024-03-30T18:49'.toDateTime().toInt()", 1711820940000],
  ["'2024-03-30T18:49'.toDateTime().isEmpty()", false],
  ["(1708695471).toDateTime('s').toISO()", '2024-02-23T14:37:51.000+01:00'],
  ["(1708695471000).toDateTime('ms').toISO()", '2024-02-23T14:37:51.000+01:00'],
  ["(1708695471000000).toDateTime('us').toISO()", '2024-02-23T14:37:51.000+01:00'],
  ["(45345).toDateTime('excel').toISO()", '2024-02-23T01:00:00.000+01:00'],
  ['"31-01-2024".toDateTime("dd-MM-yyyy").toISODate()', '2024-01-31'],
  ['"1711732132990".toDateTime("ms").toMillis()', 1711732132990],
  ['"Fri, 29 Mar 2024 18:08:01 +0100".toDateTime().toUTC().hour', 17],
  ['$json.when.toDateTime().toUTC().toISO()', '2024-03-30T18:49:00.000Z'],
  ['$json.when.beginningOf("day").toISOString()', '2024-03-29T23:00:00.000Z'],
  // extended functions
  ['$ifEmpty("", "default")', 'default'],
  ['$ifEmpty([], "default")', 'default'],
  ['$ifEmpty("value", "default")', 'value'],
  ['$min(4, 7, 1)', 1],
  ['$max(4, 7, 1)', 7],
  ['$average(1, 2, 3)', 2],
  ['$not(false)', true],
  ['numberList(1, 4)', [1, 2, 3, 4]],
  ['zip(["a", "b"], [1, 2])', { a: 1, b: 2 }],
  ['$if(1 > 2, "yes", "no")', 'no'],
  ['$if(true, "only")', 'only'],
  ['$if(false, "only")', false],
];

describe('extension functions (n8n documented examples)', () => {
  it.each(cases)('%s', (code, expected) => {
    expect(run(code)).toEqual(expected);
  });

  it('falls back to native methods of the value', () => {
    expect(run('[3, 1, 2].sort().first()')).toBe(1);
    expect(run('"a,b".split(",").last()')).toBe('b');
    expect(run('$("Start").first().json.n')).toBe(5);
  });

  it('diffTo (n8n documents 276.21; the exact value is 276.2159)', () => {
    const utc = simpleContext([{ json: {} }], { timezone: 'UTC' });
    const diff = (code: string) => evaluator.evaluate(`={{ ${code} }}`, utc, { parameter: 'value' });
    expect(diff("'2025-01-01'.toDateTime().diffTo('2024-03-30T18:49:07.234', 'days')")).toBeCloseTo(276.21, 1);
    expect(diff("'2025-01-01T00:00:00.000'.toDateTime().diffTo('2024-03-30T18:49:07.234'.toDateTime(), ['months', 'days'])")).toEqual({ months: 9, days: expect.closeTo(1.21, 1) });
  });

  it('gives randomItem from the array', () => {
    expect(['a', 'b']).toContain(run('["a", "b"].randomItem()'));
  });

  it('$if evaluates only the chosen branch', () => {
    expect(run('$if(true, "ok", $("Missing node").first())')).toBe('ok');
  });
});

describe('extension errors (never swallowed)', () => {
  const fails = (code: string, message: string | RegExp) => expect(() => run(code)).toThrow(message);
  it('reports n8n messages', () => {
    fails('"abc".toInt()', 'cannot convert to integer');
    fails('"abc".toNumber()', 'cannot convert to number');
    fails('"1,5".toFloat()', 'cannot convert to float, expected . as decimal separator');
    fails('(1.5).isEven()', 'isEven() is only callable on integers');
    fails('[1, "a"].sum()', 'sum(): all array elements must be numbers');
    fails('[1].chunk(0)', 'chunk(): expected non-zero numeric arg, e.g. .chunk(5)');
    fails('"x".parseJson()', 'Parsing failed');
    fails('"hello".hash("nope")', /Unknown algorithm nope/);
    fails('(5).first()', 'first() is only callable on type "Array"');
    fails('(5).isBlank()', 'isBlank() is only callable on type "String"');
    fails('(5).merge()', 'merge() is only callable on type "Array"');
    fails('(5).toJsonString()', 'toJsonString() is only callable on types "Array", "Object", and "String"');
    fails('$json.missing.toInt()', "toInt can't be used on undefined value");
    fails('"x".toDateTime("yyyy")', 'cannot convert to Luxon DateTime');
    fails('$ifEmpty(1)', 'expected two arguments (value, defaultValue) for this function');
  });
});
