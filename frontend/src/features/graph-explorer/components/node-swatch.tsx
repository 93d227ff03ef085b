import { nodeLook, shapeClipPath } from '../utils/graph-style';

/** A node's colour and shape in HTML, as drawn on the canvas. */
export function NodeSwatch({ label, size = 12 }: { label: string; size?: number }) {
  const look = nodeLook(label);
  return (
    <span
      aria-hidden
      data-shape={look.shape}
      style={{
        display: 'inline-block',
        width: size,
        height: size,
        background: look.colour,
        clipPath: shapeClipPath(look.shape),
        verticalAlign: 'middle',
        flexShrink: 0,
      }}
    />
  );
}
