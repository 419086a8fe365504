// The predefined date formats both Date & Time versions offer; v1 stores moment.js patterns,
// v2 Luxon ones (`value` maps the displayed pattern to the stored one).
const EXAMPLES: [pattern: string, example: string][] = [
  ['MM/DD/YYYY', '09/04/1986'],
  ['YYYY/MM/DD', '1986/04/09'],
  ['MMMM DD YYYY', 'April 09 1986'],
  ['MM-DD-YYYY', '09-04-1986'],
  ['YYYY-MM-DD', '1986-04-09'],
];

/** The calendar formats, then the Unix timestamps with their examples. */
export function dateFormatOptions(value: (pattern: string) => string, unixExample: string, unixMsExample: string) {
  return [
    ...EXAMPLES.map(([name, example]) => ({ name, value: value(name), description: `Example: ${example}` })),
    { name: 'Unix Timestamp', value: 'X', description: `Example: ${unixExample}` },
    { name: 'Unix Ms Timestamp', value: 'x', description: `Example: ${unixMsExample}` },
  ];
}
