import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useRef } from 'react';

export type ViewNode = { id: string; label: string; name: string; group?: number };
export type ViewEdge = { id: string; source: string; target: string; type: string };

const LABEL_COLOURS: Record<string, string> = {
  Park: '#1677ff',
  Zone: '#13c2c2',
  City: '#8c8c8c',
  Alliance: '#722ed1',
  University: '#eb2f96',
  Lab: '#fa541c',
  Enterprise: '#52c41a',
  Incubator: '#faad14',
  Financier: '#a0d911',
  Industry: '#2f54eb',
  Project: '#f5222d',
};
const GROUP_COLOURS = ['#1677ff', '#52c41a', '#fa541c', '#722ed1', '#13c2c2', '#eb2f96', '#faad14', '#2f54eb', '#a0d911', '#8c8c8c'];

export function colourFor(node: ViewNode): string {
  if (node.group !== undefined) {
    return GROUP_COLOURS[node.group % GROUP_COLOURS.length];
  }
  return LABEL_COLOURS[node.label] ?? '#595959';
}

/** A read-only graph of a result (Cytoscape.js): nodes coloured by label or community. */
export function GraphView({ nodes, edges, height = 420 }: { nodes: ViewNode[]; edges: ViewEdge[]; height?: number }) {
  const host = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);

  useEffect(() => {
    if (!host.current) {
      return undefined;
    }
    const known = new Set(nodes.map((n) => n.id));
    const elements: ElementDefinition[] = [
      ...nodes.map((n) => ({ data: { id: n.id, name: n.name || n.label, colour: colourFor(n) } })),
      ...edges
        .filter((e) => known.has(e.source) && known.has(e.target))
        .map((e) => ({ data: { id: `e:${e.id}`, source: e.source, target: e.target, type: e.type } })),
    ];
    const instance = cytoscape({
      container: host.current,
      elements,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            label: 'data(name)',
            'font-size': 10,
            width: 18,
            height: 18,
            'text-valign': 'bottom',
            'text-margin-y': 3,
          },
        },
        {
          selector: 'edge',
          style: {
            width: 1.2,
            'line-color': '#bfbfbf',
            'target-arrow-color': '#bfbfbf',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            label: 'data(type)',
            'font-size': 8,
            color: '#8c8c8c',
          },
        },
      ],
      layout: { name: nodes.length > 300 ? 'grid' : 'cose', animate: false, padding: 24 } as cytoscape.LayoutOptions,
      wheelSensitivity: 0.3,
    });
    cy.current = instance;
    return () => {
      instance.destroy();
      cy.current = null;
    };
  }, [nodes, edges]);

  return (
    <div
      ref={host}
      data-testid="result-graph"
      style={{ width: '100%', height, border: '1px solid #f0f0f0', borderRadius: 6, background: '#fcfcfc' }}
    />
  );
}
