/** How a console cell reads in the table: nodes, relationships and paths briefly, the rest as JSON. */

export const MASK = '***';

type Kinded = { _kind?: string; [key: string]: unknown };

function isKinded(value: unknown): value is Kinded {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '_kind' in value;
}

export function nodeCaption(labels: string[], props: Record<string, unknown>): string {
  const shown = labels.filter((l) => l !== 'Entity' && l !== 'Organisation');
  const label = shown[0] ?? labels.find((l) => l !== 'Entity') ?? 'Node';
  const name = typeof props.name === 'string' ? props.name : typeof props.uid === 'string' ? props.uid : '';
  return name ? `(${label} ${name})` : `(${label})`;
}

export function formatCell(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (isKinded(value)) {
    if (value._kind === 'node') {
      return nodeCaption((value.labels as string[]) ?? [], (value.props as Record<string, unknown>) ?? {});
    }
    if (value._kind === 'relationship') {
      return `[:${String(value.type)}]`;
    }
    if (value._kind === 'path') {
      const nodes = (value.nodes as unknown[]) ?? [];
      return `path(${nodes.length} nodes, ${Math.max(0, nodes.length - 1)} hops)`;
    }
  }
  return JSON.stringify(value);
}

/** Whether a cell holds a masked (confidential) value anywhere inside it. */
export function hasMask(value: unknown): boolean {
  if (value === MASK) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.some(hasMask);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).some(hasMask);
  }
  return false;
}

/** The console's parameters box holds JSON; an empty box is no parameters. */
export function parseParameters(text: string): { value: Record<string, unknown> } | { error: string } {
  if (!text.trim()) {
    return { value: {} };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { error: 'object' };
    }
    return { value: parsed as Record<string, unknown> };
  } catch {
    return { error: 'json' };
  }
}
