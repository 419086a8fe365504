// The batchUpdate requests built from the Docs node's actions, and reading a document's text.
import { describe, expect, it } from 'vitest';
import { batchRequests, documentIdOf, documentText } from './docs-requests.ts';

describe('Google Docs requests', () => {
  it('names each request after its action and object, the body segment being empty', () => {
    expect(batchRequests([
      { object: 'pageBreak', action: 'insert', locationChoice: 'location', index: 5, insertSegment: 'body' },
      { object: 'paragraphBullets', action: 'create', bulletPreset: 'BULLET_CHECKBOX', startIndex: 1, endIndex: 9, insertSegment: 'header', segmentId: 'kix.h' },
      { object: 'tableRow', action: 'insert', insertPosition: false, rowIndex: 1, columnIndex: 0, index: 2 },
      { object: 'header', action: 'delete', headerId: 'kix.h' },
      { object: 'positionedObject', action: 'delete', objectId: 'obj1' },
    ])).toEqual([
      { insertPageBreak: { location: { segmentId: '', index: 5 } } },
      { createParagraphBullets: { bulletPreset: 'BULLET_CHECKBOX', range: { segmentId: 'kix.h', startIndex: 1, endIndex: 9 } } },
      { insertTableRow: { insertBelow: false, tableCellLocation: { rowIndex: 1, columnIndex: 0, tableStartLocation: { segmentId: '', index: 2 } } } },
      { deleteHeader: { headerId: 'kix.h' } },
      { deletePositionedObject: { objectId: 'obj1' } },
    ]);
  });

  it('reads the ID from a Docs URL and the text of body paragraphs', () => {
    expect(documentIdOf('https://docs.google.com/document/d/1a-B_c/edit#heading=h.1')).toBe('1a-B_c');
    expect(documentIdOf(' 1a-B_c ')).toBe('1a-B_c');
    expect(documentText({ body: { content: [{ sectionBreak: {} }, { paragraph: { elements: [{ textRun: { content: 'a' } }, { inlineObjectElement: {} }, { textRun: { content: 'b\n' } }] } }] } })).toBe('ab\n');
  });
});
