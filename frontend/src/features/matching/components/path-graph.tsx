import cytoscape, { type ElementDefinition } from 'cytoscape';
import { useEffect, useRef } from 'react';

import type { GraphPath } from '../types';

/** The justifying paths of one factor, drawn as a small graph (uids as labels). */
export function PathGraph({ paths, names }: { paths: GraphPath[]; names: Record<string, string> }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return undefined;
    const nodes = new Map<string, ElementDefinition>();
    const edges = new Map<string, ElementDefinition>();
    for (const path of paths) {
      for (let i = 0; i < path.length; i += 2) {
        const uid = path[i];
        nodes.set(uid, { data: { id: uid, label: names[uid] ?? uid } });
        if (i + 2 < path.length) {
          const id = `${uid}-${path[i + 1]}-${path[i + 2]}`;
          edges.set(id, { data: { id, source: uid, target: path[i + 2], label: path[i + 1] } });
        }
      }
    }
    const cy = cytoscape({
      container: container.current,
      elements: [...nodes.values(), ...edges.values()],
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'background-color': '#1677ff' } },
        {
          selector: 'edge',
          style: {
            label: 'data(label)',
            'font-size': 8,
            'curve-style': 'bezier',
            'target-arrow-shape': 'triangle',
            width: 1.5,
          },
        },
      ],
      layout: { name: 'breadthfirst', directed: true, padding: 10 },
    });
    return () => cy.destroy();
  }, [paths, names]);

  return <div ref={container} data-testid="path-graph" style={{ height: 240, border: '1px solid #f0f0f0' }} />;
}
