import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { transformMarkedBlockquotes } from '../blockquote-marker';
import { container, label } from '../nodes';

/** DocFX alert types and their visible titles. */
export const ALERT_TITLES: Record<string, string> = {
  note: 'Note',
  tip: 'Tip',
  important: 'Important',
  caution: 'Caution',
  warning: 'Warning',
};

/** `> [!NOTE]` … → `<div class="alert alert-note" role="note"><p class="alert-title">Note</p>…</div>`. */
export function transformAlerts(tree: Root): void {
  transformMarkedBlockquotes(tree, (marker, quote) => {
    const title = ALERT_TITLES[marker.word];
    if (!title) return null;
    return container(
      'alert',
      'div',
      { className: ['alert', `alert-${marker.word}`], role: 'note' },
      [label('p', 'alert-title', [{ type: 'text', value: title }]), ...quote.children],
      marker.word,
    );
  });
}

export function remarkAlerts() {
  return (tree: Root, _file: VFile) => transformAlerts(tree);
}
