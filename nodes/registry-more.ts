// More core nodes (XML, HTML, files, Wait), registered together.
import type { NodeType } from '../engine/index.ts';
import { htmlNode } from './html/html.node.ts';
import { xmlNode } from './xml/xml.node.ts';

export const moreNodeTypes: NodeType[] = [xmlNode, htmlNode];
