import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type StylesheetJson } from 'cytoscape';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';

import type { ExplorerGraph } from '../utils/graph-model';

export type LayoutName = 'cose' | 'concentric';

export type GraphCanvasHandle = {
  fit: () => void;
  relayout: () => void;
  center: (uid: string) => void;
};

type Props = {
  graph: ExplorerGraph;
  stylesheet: StylesheetJson;
  layout: LayoutName;
  focus: string | null;
  selected: string | null;
  /** Nodes the city/industry filter leaves out. */
  filteredOut: ReadonlySet<string>;
  /** 'fade': drawn faintly; 'hide': not drawn. */
  filterMode: 'fade' | 'hide';
  hiddenLabels: ReadonlySet<string>;
  /** A found path: its nodes and edges stand out. */
  highlight: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null;
  onSelect: (uid: string | null) => void;
  onExpand: (uid: string) => void;
  ref?: Ref<GraphCanvasHandle>;
};

const FIT_PADDING = 40;

/** Distance from `root` in hops, for the concentric layout (unreached nodes go outermost). */
function depthsFrom(cy: Core, root: string | null): Map<string, number> {
  const depths = new Map<string, number>();
  const start = root ? cy.getElementById(root) : cy.collection();
  if (start.nonempty()) {
    cy.elements().breadthFirstSearch({
      roots: start,
      visit: (node, _edge, _prev, _i, depth) => {
        depths.set(node.id(), depth);
      },
    });
  }
  return depths;
}

function layoutOptions(cy: Core, name: LayoutName, focus: string | null): LayoutOptions {
  if (name === 'concentric') {
    const depths = depthsFrom(cy, focus);
    const outer = Math.max(0, ...depths.values()) + 1;
    return {
      name: 'concentric',
      animate: false,
      padding: FIT_PADDING,
      minNodeSpacing: 36,
      concentric: (node) => outer - (depths.get(node.id()) ?? outer),
      levelWidth: () => 1,
    };
  }
  return {
    name: 'cose',
    animate: false,
    padding: FIT_PADDING,
    randomize: true,
    nodeRepulsion: () => 60000,
    idealEdgeLength: () => 110,
    gravity: 0.2,
    nodeOverlap: 12,
    componentSpacing: 80,
    numIter: 1000,
  };
}

// A handful of nodes fitted to a large canvas would be drawn huge.
const MAX_FIT_ZOOM = 1.4;

/** Lay out everything, then keep small graphs at a readable size. */
function runLayout(cy: Core, name: LayoutName, focus: string | null) {
  const layout = cy.layout(layoutOptions(cy, name, focus));
  layout.one('layoutstop', () => {
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
  });
  layout.run();
}

const NODE_GAP = 46; // px between new nodes on the same ring
const RING_GAP = 60;

/**
 * New nodes are laid out next to the node they came from and away from the rest: on an arc
 * pointing outwards from the graph's centre (or a full ring outside the graph when that
 * node is the centre). What was already on the canvas stays where the reader left it.
 */
function placeAround(cy: Core, anchor: string | null, added: string[]) {
  const fresh = new Set(added);
  const existing = cy.nodes().filter((node) => !fresh.has(node.id()));
  if (existing.empty()) return;
  const box = existing.boundingBox({});
  const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
  const anchorNode = anchor ? cy.getElementById(anchor) : cy.collection();
  const from = anchorNode.nonempty() ? anchorNode.position() : centre;
  const dx = from.x - centre.x;
  const dy = from.y - centre.y;
  const atCentre = Math.hypot(dx, dy) < 40;

  // A full ring just outside the graph, or an arc of up to 200° facing outwards.
  const baseRadius = atCentre ? Math.max(box.w, box.h) / 2 + RING_GAP : 110;
  const spread = atCentre ? 2 * Math.PI : Math.min((200 / 180) * Math.PI, Math.max(Math.PI / 3, added.length * 0.3));
  const heading = atCentre ? 0 : Math.atan2(dy, dx);
  let index = 0;
  for (let ring = 0; index < added.length; ring += 1) {
    const radius = baseRadius + ring * RING_GAP;
    const capacity = Math.max(1, Math.floor((spread * radius) / NODE_GAP));
    const count = Math.min(capacity, added.length - index);
    for (let k = 0; k < count; k += 1, index += 1) {
      const angle = atCentre
        ? (2 * Math.PI * k) / count
        : heading - spread / 2 + (count === 1 ? spread / 2 : (spread * k) / (count - 1));
      cy.getElementById(added[index]).position({ x: from.x + radius * Math.cos(angle), y: from.y + radius * Math.sin(angle) });
    }
  }
}

/** The Cytoscape.js canvas. Owns the Cytoscape instance; React owns what is in it. */
export function GraphCanvas({
  graph,
  stylesheet,
  layout,
  focus,
  selected,
  filteredOut,
  filterMode,
  hiddenLabels,
  highlight,
  onSelect,
  onExpand,
  ref,
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const callbacks = useRef({ onSelect, onExpand });
  const layoutRef = useRef({ layout, focus });

  useEffect(() => {
    callbacks.current = { onSelect, onExpand };
    layoutRef.current = { layout, focus };
  });

  // One Cytoscape instance for the life of the component.
  useEffect(() => {
    if (!container.current) return undefined;
    const cy = cytoscape({
      container: container.current,
      style: stylesheet,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    cy.on('tap', 'node', (event) => callbacks.current.onSelect(event.target.id()));
    cy.on('tap', (event) => {
      if (event.target === cy) callbacks.current.onSelect(null);
    });
    cy.on('dbltap', 'node', (event) => callbacks.current.onExpand(event.target.id()));
    cyRef.current = cy;
    return () => {
      cyRef.current = null;
      cy.destroy();
    };
    // The stylesheet is applied by its own effect below; creating twice is not wanted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    cyRef.current?.style(stylesheet);
  }, [stylesheet]);

  // Bring the canvas in line with the graph: drop what is gone, add what is new.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wasEmpty = cy.nodes().empty();
    const added: string[] = [];
    cy.batch(() => {
      cy.elements().forEach((element) => {
        const id = element.id();
        if (element.isNode() ? !graph.nodes.has(id) : !graph.edges.has(id)) element.remove();
      });
      const fresh: ElementDefinition[] = [];
      for (const node of graph.nodes.values()) {
        const existing = cy.getElementById(node.uid);
        if (existing.nonempty()) {
          existing.data({ name: node.name, type: node.label });
        } else {
          fresh.push({ group: 'nodes', data: { id: node.uid, name: node.name, type: node.label } });
          added.push(node.uid);
        }
      }
      for (const edge of graph.edges.values()) {
        if (cy.getElementById(edge.id).empty()) {
          fresh.push({ group: 'edges', data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type } });
        }
      }
      if (fresh.length) cy.add(fresh);
    });
    if (added.length === 0) return;
    if (wasEmpty) {
      runLayout(cy, layoutRef.current.layout, layoutRef.current.focus);
    } else {
      placeAround(cy, graph.anchor, added);
      cy.animate(
        { fit: { eles: cy.elements(), padding: FIT_PADDING } },
        { duration: 250, complete: () => void (cy.zoom() > MAX_FIT_ZOOM && cy.zoom(MAX_FIT_ZOOM)) },
      );
    }
  }, [graph]);

  // Marks: the focus, expanded nodes, filtered and hidden labels.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const id = node.id();
        node.toggleClass('focus', id === focus);
        node.toggleClass('expanded', graph.expanded.has(id) && id !== focus);
        const out = filteredOut.has(id);
        node.toggleClass('faded', out && filterMode === 'fade');
        node.toggleClass('filtered-out', out && filterMode === 'hide');
        node.toggleClass('label-hidden', hiddenLabels.has(String(node.data('type'))));
        node.toggleClass('on-path', highlight?.nodes.has(id) ?? false);
      });
      cy.edges().forEach((edge) => {
        const out = filteredOut.has(edge.source().id()) || filteredOut.has(edge.target().id());
        edge.toggleClass('faded', out && filterMode === 'fade');
        edge.toggleClass('on-path', highlight?.edges.has(edge.id()) ?? false);
      });
    });
  }, [graph, focus, filteredOut, filterMode, hiddenLabels, highlight]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes(':selected').unselect();
    if (selected) cy.getElementById(selected).select();
  }, [selected, graph]);

  // A new layout choice re-arranges everything.
  const firstLayout = useRef(true);
  useEffect(() => {
    if (firstLayout.current) {
      firstLayout.current = false;
      return;
    }
    const cy = cyRef.current;
    if (cy && cy.nodes().nonempty()) runLayout(cy, layout, layoutRef.current.focus);
  }, [layout]);

  useImperativeHandle(
    ref,
    () => ({
      fit: () => {
        const cy = cyRef.current;
        if (!cy) return;
        cy.fit(cy.elements(':visible'), FIT_PADDING);
        if (cy.zoom() > MAX_FIT_ZOOM) {
          cy.zoom(MAX_FIT_ZOOM);
          cy.center(cy.elements(':visible'));
        }
      },
      relayout: () => {
        const cy = cyRef.current;
        if (cy && cy.nodes().nonempty()) runLayout(cy, layoutRef.current.layout, layoutRef.current.focus);
      },
      center: (uid: string) => {
        const cy = cyRef.current;
        const node = cy?.getElementById(uid);
        if (cy && node && node.nonempty()) cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
      },
    }),
    [],
  );

  return <div ref={container} style={{ position: 'absolute', inset: 0 }} aria-hidden />;
}
