// The pure shapes of the Notion node: n8n's simple output for each property type, filters, sorts,
// blocks and property values.
import { describe, expect, it } from 'vitest';
import { formatBlocks, mapFilter, mapProperties, mapSorting, simplifyObjects, snakeCase } from './notion-values.ts';

const never = (id: string): never => { throw new Error(`bad ${id}`); };

describe('simplifyObjects', () => {
  it('names database pages by their title and every property as property_<snake name>, typed as n8n simplifies it', () => {
    const page = {
      object: 'page', id: 'p1', url: 'https://www.notion.so/p1', parent: { type: 'database_id', database_id: 'd1' },
      properties: {
        Name: { type: 'title', title: [{ type: 'text', plain_text: 'Big ' }, { type: 'text', plain_text: 'deal' }] },
        'Due Date': { type: 'date', date: { start: '2024-01-02', end: null } },
        Owner: { type: 'people', people: [{ object: 'user', person: { email: 'a@x.io' } }, { object: 'user', id: 'bot' }] },
        Stage: { type: 'select', select: null },
        Tags: { type: 'multi_select', multi_select: [{ name: 'x' }, { name: 'y' }] },
        Related: { type: 'relation', relation: [{ id: 'r1' }] },
        Score: { type: 'formula', formula: { type: 'number', number: 3 } },
        Count: { type: 'rollup', rollup: { type: 'number', number: 0.25, function: 'percent_empty' } },
        Names: { type: 'rollup', rollup: { type: 'array', function: 'show_unique', array: [{ type: 'rich_text', rich_text: [{ type: 'text', plain_text: 'a' }] }, { type: 'rich_text', rich_text: [{ type: 'text', plain_text: 'a' }] }] } },
        Files: { type: 'files', files: [{ type: 'external', external: { url: 'https://f/1' } }, { type: 'file', file: { url: 'https://s3/2' } }] },
        Status: { type: 'status', status: { name: 'Done' } },
        createdAt: { type: 'created_time', created_time: '2024-01-01T00:00:00.000Z' },
        'Édité par': { type: 'last_edited_by', last_edited_by: { name: 'Ann' } },
      },
    };
    expect(simplifyObjects(page)).toEqual([{
      id: 'p1', name: 'Big ', url: 'https://www.notion.so/p1',
      property_name: 'Big deal', property_due_date: { start: '2024-01-02', end: null }, property_owner: ['a@x.io', {}], property_stage: null,
      property_tags: ['x', 'y'], property_related: ['r1'], property_score: 3, property_count: 25, property_names: ['a'],
      property_files: ['https://f/1', 'https://s3/2'], property_status: 'Done', property_created_at: '2024-01-01T00:00:00.000Z', property_dit_par: 'Ann',
    }]);
  });

  it('gives pages under pages their title and databases their name', () => {
    expect(simplifyObjects([
      { object: 'page', id: 'p', url: 'u', parent: { type: 'workspace' }, properties: { title: { type: 'title', title: [{ plain_text: 'Home' }] } } },
      { object: 'database', id: 'd', url: 'v', title: [] },
      { object: 'block', id: 'b' },
    ])).toEqual([{ id: 'p', name: 'Home', url: 'u' }, { id: 'd', name: '', url: 'v' }]);
  });

  it('snake-cases property names like change-case 4', () => {
    expect(['Name', 'Due Date', 'createdAt', 'Task ID', 'Price ($)', 'version2', 'HTMLParser'].map(snakeCase))
      .toEqual(['name', 'due_date', 'created_at', 'task_id', 'price', 'version2', 'html_parser']);
  });
});

describe('filters, sorts, blocks and property values', () => {
  it('maps filter rows as n8n does', () => {
    expect(mapFilter({ key: 'Notes|rich_text', condition: 'contains', richTextValue: 'x' }, 'UTC')).toEqual({ property: 'Notes', text: { contains: 'x' } });
    expect(mapFilter({ key: 'Phone|phone_number', condition: 'is_empty' }, 'UTC')).toEqual({ property: 'Phone', phone: { is_empty: true } });
    expect(mapFilter({ key: 'Due|date', condition: 'after', date: '2024-03-01T10:00:00' }, 'Europe/Paris')).toEqual({ property: 'Due', date: { after: '2024-03-01T09:00:00Z' } });
    expect(mapFilter({ key: 'Due|date', condition: 'past_week' }, 'UTC')).toEqual({ property: 'Due', date: { past_week: {} } });
    expect(mapFilter({ key: 'Calc|formula', type: 'formula', condition: 'greater_than', returnType: 'number', numberValue: 4 }, 'UTC'))
      .toEqual({ property: 'Calc', formula: { number: { greater_than: 4 } } });
    expect(mapSorting([{ key: 'Name|title', direction: 'ascending', timestamp: false }, { key: 'created_time', direction: 'descending', timestamp: true }]))
      .toEqual([{ direction: 'ascending', property: 'Name' }, { direction: 'descending', timestamp: 'created_time' }]);
  });

  it('writes rich text blocks with mentions and images', () => {
    expect(formatBlocks([
      { type: 'paragraph', richText: true, text: { text: [
        { textType: 'mention', mentionType: 'database', database: { __rl: true, value: 'https://www.notion.so/abc', mode: 'url', __regex: 'notion\\.so/(\\w+)' } },
        { textType: 'mention', mentionType: 'database', database: { __rl: true, value: 'https://www.notion.so/team/d9824bdc84454327be8b5b47500af6ce?v=1', mode: 'url' } },
        { textType: 'mention', mentionType: 'date', range: false, date: '2024-01-01' },
        { textType: 'equation', expression: 'e=mc^2' },
      ] } },
      { type: 'image', url: 'https://x/y.png' },
    ])).toEqual([
      { object: 'block', type: 'paragraph', paragraph: { text: [
        { type: 'mention', mention: { type: 'database', database: { id: 'abc' } }, annotations: undefined },
        { type: 'mention', mention: { type: 'database', database: { id: 'd9824bdc84454327be8b5b47500af6ce' } }, annotations: undefined },
        { type: 'mention', mention: { type: 'date', date: { start: '2024-01-01', end: null } }, annotations: undefined },
        { type: 'equation', equation: { expression: 'e=mc^2' }, annotations: undefined },
      ] } },
      { object: 'block', type: 'image', image: { type: 'external', external: { url: 'https://x/y.png' } } },
    ]);
  });

  it('writes property values per type, dates in the row’s zone, and refuses relation ids that are not Notion ids', () => {
    expect(mapProperties([
      { key: 'When|date', range: true, dateStart: '2024-01-01', dateEnd: '2024-01-03', includeTime: false, timezone: 'default' },
      { key: 'Who|people', peopleValue: 'u1' },
      { key: 'Rel|relation', relationValue: ['6a1d4c2e8b3f4e5a9c7d1e2f3a4b5c6d, 6a1d4c2e-8b3f-4e5a-9c7d-1e2f3a4b5c6e'] },
      { key: 'Site|url', urlValue: 'https://x' },
      { key: 'Tags|multi_select', multiSelectValue: ['a', '6a1d4c2e-8b3f-4e5a-9c7d-1e2f3a4b5c6e'] },
      { notAKey: true },
    ], 'America/New_York', never)).toEqual({
      When: { type: 'date', date: { start: '2024-01-01', end: '2024-01-03' } },
      Who: { type: 'people', people: [{ id: 'u1' }] },
      Rel: { type: 'relation', relation: [{ id: '6a1d4c2e8b3f4e5a9c7d1e2f3a4b5c6d' }, { id: '6a1d4c2e-8b3f-4e5a-9c7d-1e2f3a4b5c6e' }] },
      Site: { type: 'url', url: 'https://x' },
      Tags: { type: 'multi_select', multi_select: [{ name: 'a' }, { id: '6a1d4c2e-8b3f-4e5a-9c7d-1e2f3a4b5c6e' }] },
    });
    expect(() => mapProperties([{ key: 'Rel|relation', relationValue: ['nope'] }], 'UTC', never)).toThrow('bad nope');
  });
});
