import { vi } from 'vitest';

/**
 * jsdom has no 2D canvas. Cytoscape's renderer only needs the calls to exist: every method
 * of this context does nothing, and text measures 10 px.
 */
export function installFakeCanvas() {
  const context = new Proxy(
    {},
    {
      get: (_target, name) => {
        if (name === 'measureText') return () => ({ width: 10 });
        if (name === 'getImageData') return () => ({ data: new Uint8ClampedArray(4) });
        if (name === 'createLinearGradient' || name === 'createRadialGradient') return () => ({ addColorStop: () => {} });
        return () => {};
      },
      set: () => true,
    },
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => context as never);
}
