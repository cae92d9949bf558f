/**
 * Tree walks for the hot paths. unist-util-visit builds closures and ancestor arrays for every node,
 * and the build walks tens of millions of nodes; these do the same preorder walk without that.
 * As with `visit`, a node's children are read after its callback ran (a callback may rewrite them)
 * and live (a callback may replace the current node in its parent's list).
 */
interface AnyNode {
  type: string;
  children?: AnyNode[];
}

export function walk<N extends AnyNode = AnyNode, P extends AnyNode = AnyNode>(
  tree: AnyNode,
  fn: (node: N, index: number | undefined, parent: P | undefined) => void,
): void {
  const go = (node: AnyNode, index: number | undefined, parent: AnyNode | undefined) => {
    fn(node as N, index, parent as P | undefined);
    if (!Array.isArray(node.children)) return;
    for (let i = 0; i < node.children.length; i++) go(node.children[i], i, node);
  };
  go(tree, undefined, undefined);
}

/** Only nodes of one type (like `visit(tree, type, fn)`). */
export function walkType<N extends AnyNode, P extends AnyNode = AnyNode>(
  tree: AnyNode,
  type: N['type'],
  fn: (node: N, index: number | undefined, parent: P | undefined) => void,
): void {
  walk<AnyNode, P>(tree, (node, index, parent) => {
    if (node.type === type) fn(node as N, index, parent);
  });
}

/** Whether any node (the root included) satisfies `test`; stops at the first. */
export function someNode(tree: AnyNode, test: (node: AnyNode) => boolean): boolean {
  if (test(tree)) return true;
  if (!Array.isArray(tree.children)) return false;
  for (const child of tree.children) if (someNode(child, test)) return true;
  return false;
}
