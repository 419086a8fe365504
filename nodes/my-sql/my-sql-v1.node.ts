// MySQL v1 (n8n-nodes-base.mySql typeVersion 1), for older exports: each item's query run as
// written, one multi-row insert of the listed item properties, and an update per item by a key
// property. Outputs are n8n v1's: the rows, or the server's OK packet as it answered it.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeProperty, type NodeType } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { locatorValue } from '../shared/sql-build.ts';
import { mySqlError, mySqlIdent, withMySql, type MySqlSession } from './my-sql-connection.ts';
import { mySqlMethods } from './my-sql-methods.ts';

const op = (operation: string[]) => ({ displayOptions: { show: { operation } } });
const table = (operation: string, description: string): NodeProperty => ({
  displayName: 'Table', name: 'table', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true, description,
  modes: [
    { displayName: 'From List', name: 'list', type: 'list', placeholder: 'Select a Table...', typeOptions: { searchListMethod: 'searchTables', searchFilterRequired: false, searchable: true } },
    { displayName: 'Name', name: 'name', type: 'string', placeholder: 'table_name' },
  ],
  ...op([operation]),
});

const properties: NodeProperty[] = [
  {
    displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'insert',
    options: [
      { name: 'Execute Query', value: 'executeQuery', description: 'Execute an SQL query' },
      { name: 'Insert', value: 'insert', description: 'Insert rows in database' },
      { name: 'Update', value: 'update', description: 'Update rows in database' },
    ],
  },
  {
    displayName: 'Query', name: 'query', type: 'string', noDataExpression: true, default: '', required: true,
    typeOptions: { editor: 'sqlEditor', sqlDialect: 'MySQL' }, placeholder: 'SELECT id, name FROM product WHERE id < 40', description: 'The SQL query to execute',
    ...op(['executeQuery']),
  },
  table('insert', 'Name of the table in which to insert data to'),
  {
    displayName: 'Columns', name: 'columns', type: 'string', default: '', placeholder: 'id,name,description',
    description: 'Comma-separated list of the properties which should used as columns for the new rows', ...op(['insert']),
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add modifiers', description: 'Modifiers for INSERT statement',
    options: [
      { displayName: 'Ignore', name: 'ignore', type: 'boolean', default: true, description: 'Whether to ignore any ignorable errors that occur while executing the INSERT statement' },
      {
        displayName: 'Priority', name: 'priority', type: 'options', default: 'LOW_PRIORITY',
        options: [
          { name: 'Low Prioirity', value: 'LOW_PRIORITY', description: 'Delays execution of the INSERT until no other clients are reading from the table' },
          { name: 'High Priority', value: 'HIGH_PRIORITY', description: 'Overrides the effect of the --low-priority-updates option; also causes concurrent inserts not to be used' },
        ],
      },
    ],
    ...op(['insert']),
  },
  table('update', 'Name of the table in which to update data in'),
  { displayName: 'Update Key', name: 'updateKey', type: 'string', default: 'id', required: true, description: 'Name of the property which decides which rows in the database should be updated. Normally that would be "id".', ...op(['update']) },
  {
    displayName: 'Columns', name: 'columns', type: 'string', default: '', placeholder: 'name,description',
    description: 'Comma-separated list of the properties which should used as columns for rows to update', ...op(['update']),
  },
];

const PRIORITIES = new Set(['LOW_PRIORITY', 'HIGH_PRIORITY']);
const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

/** An item property as a bound value: missing is NULL, objects go as JSON text. */
function valueOf(item: Item, column: string): unknown {
  const value = (item.json as JsonObject)[column];
  if (value === undefined) return null;
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
}

/** What the driver answered, as items: a row set's rows, or the OK packet of a write. */
function asItems(result: unknown, itemIndex?: number): Item[] {
  const parts = Array.isArray(result) ? result.flat() : [result];
  return parts.map((json) => ({ json: json as JsonObject, ...(itemIndex !== undefined ? { pairedItem: { item: itemIndex } } : {}) }));
}

async function operate(ctx: ExecuteContext, session: MySqlSession, operation: string, items: Item[]): Promise<Item[]> {
  if (operation === 'executeQuery') {
    const results = await Promise.all(items.map((_item, i) => session.raw({ text: param(ctx, 'query', i, ''), values: [] })));
    return results.flatMap((result, i) => asItems(result, i));
  }
  const target = mySqlIdent(locatorValue(param<unknown>(ctx, 'table', 0, '')));
  const columns = list(param(ctx, 'columns', 0, ''));
  if (operation === 'insert') {
    const options = collection(ctx, 'options', 0);
    const priority = typeof options.priority === 'string' && PRIORITIES.has(options.priority) ? `${options.priority} ` : '';
    const ignore = options.ignore === true ? 'IGNORE ' : '';
    const row = `(${columns.map(() => '?').join(',')})`;
    const text = `INSERT ${priority}${ignore}INTO ${target}(${columns.map(mySqlIdent).join(',')}) VALUES ${items.map(() => row).join(',')}`;
    return asItems(await session.raw({ text, values: items.flatMap((item) => columns.map((c) => valueOf(item, c))) }));
  }
  if (operation === 'update') {
    const key = param(ctx, 'updateKey', 0, 'id');
    const set = columns.includes(key) ? columns : [key, ...columns];
    const text = `UPDATE ${target} SET ${set.map((c) => `${mySqlIdent(c)} = ?`).join(',')} WHERE ${mySqlIdent(key)} = ?`;
    const results = await Promise.all(items.map((item) => session.raw({ text, values: [...set.map((c) => valueOf(item, c)), valueOf(item, key)] })));
    return results.flatMap((result) => asItems(result));
  }
  throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported!`);
}

export const mySqlV1Node: NodeType = {
  methods: mySqlMethods,
  description: {
    name: 'n8n-nodes-base.mySql',
    displayName: 'MySQL',
    group: ['input'],
    version: [1],
    description: 'Get, add and update data in MySQL',
    icon: 'file:mysql.svg',
    defaults: { name: 'MySQL' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'mySql', required: true }],
    properties,
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const operation = param(ctx, 'operation', 0, 'insert');
    try {
      return [await withMySql(await ctx.credentials.get('mySql'), {}, (session) => operate(ctx, session, operation, items))];
    } catch (error) {
      const nodeError = error instanceof NodeOperationError ? error : mySqlError(ctx.node.name, error, undefined, 0);
      // n8n's v1 answers one item with the error for the whole batch.
      if (ctx.continueOnFail()) return [[{ json: { error: nodeError.message } }]];
      throw nodeError;
    }
  },
};
