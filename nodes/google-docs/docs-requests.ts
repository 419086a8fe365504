// The Docs API batchUpdate requests n8n's Google Docs node builds from its actions list: each
// action becomes `{<action><Object>: {...}}` (insertText, replaceAllText, createNamedRange, ...),
// with the segment ID left empty for the document body.
import type { JsonObject } from '../../engine/index.ts';

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The segment an action names: '' for the body (Google's way to say "the document body"). */
const segmentOf = (action: JsonObject) => (action.insertSegment !== 'body' && action.insertSegment !== undefined ? action.segmentId ?? '' : '');

function location(action: JsonObject): JsonObject {
  const choice = String(action.locationChoice ?? 'endOfSegmentLocation');
  return { [choice]: { segmentId: segmentOf(action), ...(choice === 'location' ? { index: action.index } : {}) } };
}

function tableCell(action: JsonObject): JsonObject {
  return { tableCellLocation: { rowIndex: action.rowIndex, columnIndex: action.columnIndex, tableStartLocation: { segmentId: segmentOf(action), index: action.index } } };
}

function range(action: JsonObject): JsonObject {
  return { range: { segmentId: segmentOf(action), startIndex: action.startIndex, endIndex: action.endIndex } };
}

function requestBody(action: JsonObject): JsonObject {
  const { object, action: verb } = action;
  switch (`${String(verb)}:${String(object)}`) {
    case 'delete:positionedObject': return { objectId: action.objectId };
    case 'insert:pageBreak': return location(action);
    case 'insert:table': return { rows: action.rows, columns: action.columns, ...location(action) };
    case 'create:footer':
    case 'create:header': return { type: 'DEFAULT', sectionBreakLocation: { segmentId: segmentOf(action), ...(action.locationChoice === 'location' ? { index: action.index } : {}) } };
    case 'delete:footer': return { footerId: action.footerId };
    case 'delete:header': return { headerId: action.headerId };
    case 'insert:tableColumn': return { insertRight: action.insertPosition ?? true, ...tableCell(action) };
    case 'insert:tableRow': return { insertBelow: action.insertPosition ?? true, ...tableCell(action) };
    case 'delete:tableColumn':
    case 'delete:tableRow': return tableCell(action);
    case 'insert:text': return { text: action.text ?? '', ...location(action) };
    case 'replaceAll:text': return { replaceText: action.replaceText ?? '', containsText: { text: action.text ?? '', matchCase: action.matchCase ?? false } };
    case 'create:paragraphBullets': return { bulletPreset: action.bulletPreset ?? 'BULLET_DISC_CIRCLE_SQUARE', ...range(action) };
    case 'delete:paragraphBullets': return range(action);
    case 'create:namedRange': return { name: action.name ?? '', ...range(action) };
    case 'delete:namedRange': return { [String(action.namedRangeReference ?? 'namedRangeId')]: action.value };
    default: return {};
  }
}

export function batchRequests(actions: JsonObject[]): JsonObject[] {
  return actions.map((action) => ({ [`${String(action.action)}${upperFirst(String(action.object))}`]: requestBody(action) }));
}

/** The text of a document's body paragraphs, joined (n8n's simplified get). */
export function documentText(document: JsonObject): string {
  const content = ((document.body as JsonObject | undefined)?.content as JsonObject[] | undefined) ?? [];
  return content.flatMap((block) => ((block?.paragraph as JsonObject | undefined)?.elements as JsonObject[] | undefined) ?? [])
    .map((element) => (element?.textRun as JsonObject | undefined)?.content)
    .filter((text): text is string => typeof text === 'string')
    .join('');
}

/** The document ID in a Docs URL, else the text itself. */
export function documentIdOf(urlOrId: string): string {
  return /https:\/\/docs\.google\.com\/document\/d\/([a-zA-Z0-9-_]+)/.exec(urlOrId)?.[1] ?? urlOrId.trim();
}
