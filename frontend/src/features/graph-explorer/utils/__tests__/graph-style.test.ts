import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';

import { NODE_LABELS } from '../../types';
import { buildStylesheet, nodeLook, NODE_LOOKS, shapeClipPath } from '../graph-style';

function hexToRgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
}

function styledGraph(showEdgeLabels = true) {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: buildStylesheet({ edgeTypeName: (type) => `«${type}»`, showEdgeLabels }),
    elements: [
      ...NODE_LABELS.map((label) => ({ data: { id: `n-${label}`, name: label, type: label } })),
      { data: { id: 'n-mystery', name: '?', type: 'Spaceport' } },
      { data: { id: 'e1', source: 'n-Park', target: 'n-City', type: 'IN_CITY' } },
      { data: { id: 'e2', source: 'n-Park', target: 'n-Enterprise', type: 'HOSTS' } },
      { data: { id: 'e3', source: 'n-Lab', target: 'n-University', type: 'COOPERATES_WITH' } },
    ],
  });
}

describe('node styling by label', () => {
  it('gives every label its own colour and shape on the canvas', () => {
    const cy = styledGraph();
    for (const label of NODE_LABELS) {
      const node = cy.getElementById(`n-${label}`);
      expect(node.style('background-color'), label).toBe(hexToRgb(NODE_LOOKS[label].colour));
      expect(node.style('shape'), label).toBe(NODE_LOOKS[label].shape);
    }
    const looks = NODE_LABELS.map((label) => `${NODE_LOOKS[label].colour}/${NODE_LOOKS[label].shape}`);
    expect(new Set(looks).size).toBe(NODE_LABELS.length);
    expect(new Set(NODE_LABELS.map((label) => NODE_LOOKS[label].colour)).size).toBe(NODE_LABELS.length);
  });

  it('draws a label it does not know in neutral grey', () => {
    const cy = styledGraph();
    expect(cy.getElementById('n-mystery').style('background-color')).toBe(hexToRgb(nodeLook('Spaceport').colour));
    expect(nodeLook('Spaceport').colour).toBe('#8c8c8c');
  });

  it('names and colours edges by type, and drops arrows on undirected ones', () => {
    const cy = styledGraph();
    expect(cy.getElementById('e1').style('label')).toBe('«IN_CITY»');
    expect(cy.getElementById('e1').style('line-color')).not.toBe(cy.getElementById('e2').style('line-color'));
    expect(cy.getElementById('e2').style('target-arrow-shape')).toBe('triangle');
    expect(cy.getElementById('e3').style('target-arrow-shape')).toBe('none');
    expect(styledGraph(false).getElementById('e1').style('label')).toBe('');
  });

  it('has a legend shape for every node shape', () => {
    for (const label of NODE_LABELS) expect(shapeClipPath(NODE_LOOKS[label].shape), label).toBeDefined();
  });
});
