// The MongoDB node's pure parts (no server): query JSON and its parameters, n8n's ObjectId rules,
// the documents written from items (fields, dates, dot notation), the update filter, and the
// connection string, its hosts and how it is kept out of messages.
import { Binary, ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { buildConnectionString, connectionHosts, formatPem, hideConnectionString, resolveMongoCredential } from './mongo-db-client.ts';
import { jsonSafe, prepareDocuments, splitBinaryFields, splitFields, updateFilter } from './mongo-db-documents.ts';
import { isNonEmptyObject, MongoInputError, resolveQuery, withObjectIdMatch } from './mongo-db-query.ts';

const hex = '5f1d7f3a9b1e8a2c3d4e5f60';

describe('query JSON', () => {
  it('parses text, takes an expression object as is, and names the parameter when the JSON is bad', () => {
    expect(resolveQuery('{"a": {"$gt": 1}}', [])).toEqual({ a: { $gt: 1 } });
    expect(resolveQuery({ a: 1 }, '=[]'.slice(1))).toEqual({ a: 1 });
    expect(() => resolveQuery('{a:1}', [])).toThrow("Invalid JSON in 'Query'");
    expect(() => resolveQuery('{', [], 'Sort')).toThrow("Invalid JSON in 'Sort'");
  });

  it('puts parameters in for whole values and whole keys only', () => {
    expect(resolveQuery('{"name": "$1", "age": {"$gte": "$2"}, "tags": {"$in": "$3"}}', ['Ann', 30, ['a', 'b']]))
      .toEqual({ name: 'Ann', age: { $gte: 30 }, tags: { $in: ['a', 'b'] } });
    expect(resolveQuery('{"$1": -1}', '["created"]', 'Sort')).toEqual({ created: -1 });
    // Not a whole value: stays text, so a parameter cannot splice into a string.
    expect(resolveQuery('{"a": "x$1", "b": "$1"}', ['v'])).toEqual({ a: 'x$1', b: 'v' });
    // Without parameters, "$1" is just text.
    expect(resolveQuery('{"a": "$1"}', [])).toEqual({ a: '$1' });
  });

  it('refuses parameters that would change the query structure', () => {
    const fails = (query: string, parameters: unknown, message: string) => {
      let caught: unknown;
      try {
        resolveQuery(query, parameters);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(MongoInputError);
      expect((caught as Error).message).toBe(message);
    };
    fails('{"a": "$1"}', [{ $ne: null }], 'Query parameter 1 must be a scalar or an array of scalars');
    fails('{"a": "$1"}', [[[1]]], 'Query parameter 1 must be a scalar or an array of scalars');
    fails('{"$1": 1}', ['$where'], 'Query placeholder $1 is not a valid field name');
    fails('{"$1": 1}', ['__proto__'], 'Query placeholder $1 is not a valid field name');
    fails('{"a": 1, "$1": 2}', ['a'], 'Query field name "a" is used more than once');
    fails('{"a": "$2"}', ['x'], 'Query placeholder $2 has no matching value');
    fails('{"a": "$1"}', ['x', 'y'], 'Query parameter 2 is not used');
    fails('{"a": "$1"}', '[1,', 'Query Parameters must be valid JSON');
    fails('{"a": "$1"}', { a: 1 }, 'Query Parameters must be a JSON array');
  });

  it('matches a top-level string _id as an ObjectId (Find, Aggregate) and leaves everything else', () => {
    const query = withObjectIdMatch({ _id: hex, a: 1 }) as { _id: ObjectId; a: number };
    expect(query._id).toBeInstanceOf(ObjectId);
    expect(query._id.toHexString()).toBe(hex);
    expect(withObjectIdMatch({ _id: '' })).toEqual({ _id: '' });
    expect(withObjectIdMatch({ _id: 5 })).toEqual({ _id: 5 });
    expect(withObjectIdMatch([{ $match: {} }])).toEqual([{ $match: {} }]);
    expect(() => withObjectIdMatch({ _id: 'not-an-id' })).toThrow(/24 character hex string/);
  });

  it('uses sort and projection only when they are non-empty objects', () => {
    expect(isNonEmptyObject({ a: 1 })).toBe(true);
    expect(isNonEmptyObject({})).toBe(false);
    expect(isNonEmptyObject([1])).toBe(false);
    expect(isNonEmptyObject(null)).toBe(false);
  });
});

describe('documents from items', () => {
  const items = [
    { id: 1, name: 'Ann', when: '2024-05-01T10:00:00.000Z', address: { city: 'Oslo' }, extra: true },
    { name: 'No key' },
  ];

  it('splits the field list', () => {
    expect(splitFields(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(splitFields('')).toEqual([]);
  });

  it('keeps the listed fields, null for missing ones, and parses date fields', () => {
    const [doc] = prepareDocuments([items[0]], { fields: ['name', 'when', 'missing'], dateFields: ['when'] });
    expect(doc).toEqual({ name: 'Ann', when: new Date('2024-05-01T10:00:00.000Z'), missing: null });
    expect(doc.when).toBeInstanceOf(Date);
    // An empty date value stays as it is.
    expect(prepareDocuments([{ when: '' }], { fields: ['when'], dateFields: ['when'] })).toEqual([{ when: '' }]);
  });

  it('reads dotted fields as paths with dot notation, nesting them for inserts and keeping the path for updates', () => {
    expect(prepareDocuments([items[0]], { fields: ['address.city'] })).toEqual([{ 'address.city': null }]);
    expect(prepareDocuments([items[0]], { fields: ['address.city'], useDotNotation: true })).toEqual([{ address: { city: 'Oslo' } }]);
    expect(prepareDocuments([items[0]], { fields: ['address.city'], useDotNotation: true, isUpdate: true })).toEqual([{ 'address.city': 'Oslo' }]);
  });

  it('adds the update key to the fields and leaves out items without it', () => {
    expect(prepareDocuments(items, { fields: ['name'], updateKey: 'id' })).toEqual([{ name: 'Ann', id: 1 }]);
  });

  it('refuses an object or array as the update key value', () => {
    expect(() => prepareDocuments([{ id: { a: 1 } }], { fields: [], updateKey: 'id' })).toThrow('The value of "id" must be a string, number, boolean, or date');
    expect(() => prepareDocuments([{ id: [1] }], { fields: [], updateKey: 'id' })).toThrow(MongoInputError);
    expect(prepareDocuments([{ id: null }], { fields: [], updateKey: 'id' })).toEqual([{ id: null }]);
  });

  it('builds the update filter; an _id key becomes an ObjectId and leaves the document', () => {
    const doc = { id: 7, name: 'x' };
    expect(updateFilter('id', doc)).toEqual({ id: 7 });
    expect(doc).toEqual({ id: 7, name: 'x' });
    const withId: Record<string, unknown> = { _id: hex, name: 'y' };
    const filter = updateFilter('_id', withId);
    expect((filter._id as ObjectId).toHexString()).toBe(hex);
    expect(withId).toEqual({ name: 'y' });
  });

  it('makes results JSON-safe and moves top-level binary fields out (v1.4)', () => {
    const id = new ObjectId(hex);
    expect(jsonSafe({ _id: id, at: new Date('2024-01-02T03:04:05.000Z'), nested: { ref: id } }))
      .toEqual({ _id: hex, at: '2024-01-02T03:04:05.000Z', nested: { ref: hex } });
    const { json, binary } = splitBinaryFields({ a: 1, file: new Binary(Buffer.from('hello')), raw: Buffer.from('hi') });
    expect(json).toEqual({ a: 1 });
    expect(binary.file.toString()).toBe('hello');
    expect(binary.raw.toString()).toBe('hi');
  });
});

describe('connection', () => {
  it('builds n8n addresses from values, encoding the user and password', () => {
    expect(buildConnectionString({ host: 'db.local', port: 27017, user: 'ann', password: 'p@ss/w' })).toBe('mongodb://ann:p%40ss%2Fw@db.local:27017');
    expect(buildConnectionString({ host: 'cluster0.example.net', user: 'ann', password: 'x' })).toBe('mongodb+srv://ann:x@cluster0.example.net');
    expect(buildConnectionString({ host: 'localhost', port: 27017, user: '', password: '' })).toBe('mongodb://localhost:27017');
  });

  it('takes the connection string and database from the credential, and says when the string is missing', () => {
    expect(resolveMongoCredential({ configurationType: 'connectionString', connectionString: ' mongodb://h/x ', database: ' shop ' }))
      .toEqual({ connectionString: 'mongodb://h/x', database: 'shop' });
    expect(() => resolveMongoCredential({ configurationType: 'connectionString', connectionString: '' })).toThrow('valid MongoDB connection string not provided');
  });

  it('finds the hosts of an address', () => {
    expect(connectionHosts('mongodb://u:p@a.example:27017,b.example:27018/db?replicaSet=rs0')).toEqual([{ host: 'a.example', port: 27017 }, { host: 'b.example', port: 27018 }]);
    expect(connectionHosts('mongodb+srv://cluster0.example.net/?retryWrites=true')).toEqual([{ host: 'cluster0.example.net' }]);
    expect(connectionHosts('mongodb://[::1]:27017')).toEqual([{ host: '[::1]', port: 27017 }]);
  });

  it('keeps the address (and any password in another one) out of messages', () => {
    const url = 'mongodb://ann:secret@db.local:27017';
    expect(hideConnectionString(`failed to connect to ${url} now`, url)).toBe('failed to connect to mongodb://[REDACTED] now');
    expect(hideConnectionString('see mongodb+srv://bob:pw@x.net/db here', url)).toBe('see mongodb+srv://[REDACTED] here');
    expect(hideConnectionString('connect ECONNREFUSED 127.0.0.1:27017', url)).toBe('connect ECONNREFUSED 127.0.0.1:27017');
  });

  it('restores PEM blocks pasted on one line', () => {
    const body = 'A'.repeat(70);
    expect(formatPem(`-----BEGIN CERTIFICATE----- ${body.slice(0, 35)} ${body.slice(35)} -----END CERTIFICATE-----`))
      .toBe(`-----BEGIN CERTIFICATE-----\n${'A'.repeat(64)}\nAAAAAA\n-----END CERTIFICATE-----\n`);
    expect(formatPem('not pem')).toBe('not pem');
  });
});
