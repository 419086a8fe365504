// History lines name a node's parameters as the editor shows them: from the node type's description.
import { parameterLabel } from '../domain/index.ts';
import { nodeDescription } from '../nodes/index.ts';

/** The display name of a parameter of this node type; undefined for a type this server lacks. */
export function nodeParameterLabel(type: string, typeVersion: number, path: string[]): string | undefined {
  const properties = nodeDescription(type, typeVersion)?.properties;
  return properties ? parameterLabel(properties, path) : undefined;
}
