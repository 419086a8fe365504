// The notice n8n shows on sub-nodes that only work wired into another node (getConnectionHintNoticeField).
import type { NodeProperty } from '../../engine/index.ts';

export function connectionHintNotice(target: string): NodeProperty {
  return {
    displayName: `This node must be connected to ${target}. Insert one`,
    name: 'notice',
    type: 'notice',
    default: '',
    typeOptions: { containerClass: 'ndv-connection-hint-notice' },
  };
}
