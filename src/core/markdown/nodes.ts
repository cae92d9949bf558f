import type { BlockContent, DefinitionContent, Parent, PhrasingContent, RootContent } from 'mdast';

/**
 * Custom mdast nodes produced by the DocFX extensions. They are real node types (not blockquotes or
 * paragraphs in disguise) so later stages — section splitting, error-message extraction — can tell an
 * alert from a quoted error message. `data.hName/hProperties` tell mdast-util-to-hast how to render them.
 */
export type ContainerName = 'alert' | 'div' | 'video' | 'tabs' | 'tab' | 'moniker' | 'zone' | 'figure' | 'details';

export interface Container extends Parent {
  type: 'container';
  name: ContainerName;
  /** Alert type, tab id, moniker range, zone pivot…: the extension's main attribute. */
  value?: string;
  children: Array<BlockContent | DefinitionContent>;
}

/** A short title line inside a container (alert title, tab name, moniker label). Not a heading on purpose: it must not start a section. */
export interface ContainerLabel extends Parent {
  type: 'containerLabel';
  children: PhrasingContent[];
}

/** Placeholder for an `[!INCLUDE]` found during parsing; replaced by the included content at the end of the pipeline. */
export interface IncludeDirective extends Parent {
  type: 'includeDirective';
  ref: string;
  title: string;
  /** Block: alone in its paragraph. Inline: inside a sentence. */
  inline: boolean;
  children: [];
}

declare module 'mdast' {
  interface RootContentMap {
    container: Container;
    containerLabel: ContainerLabel;
    includeDirective: IncludeDirective;
  }
  interface BlockContentMap {
    container: Container;
    containerLabel: ContainerLabel;
    includeDirective: IncludeDirective;
  }
  interface PhrasingContentMap {
    includeDirective: IncludeDirective;
  }
}

type Props = Record<string, string | string[] | boolean | number>;

export function container(name: ContainerName, tag: string, props: Props, children: Array<BlockContent | DefinitionContent>, value?: string): Container {
  const node: Container = { type: 'container', name, children, data: { hName: tag, hProperties: props } };
  if (value !== undefined) node.value = value;
  return node;
}

export function label(tag: string, className: string, children: PhrasingContent[]): ContainerLabel {
  return { type: 'containerLabel', children, data: { hName: tag, hProperties: { className: [className] } } };
}

export function isParent(node: RootContent | Parent): node is Parent & RootContent {
  return Array.isArray((node as Parent).children);
}
