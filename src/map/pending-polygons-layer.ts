// Polygons being saved, drawn by the map's own WebGL context in the very next frame: a GeoJSON
// source would first send each one to a MapLibre worker and wait for its tiles, which in a
// software renderer costs a few frames. Drawn as the treated layer draws (fill and outline), until
// that layer has them.
import { tesselate } from '@turf/turf';
import { MercatorCoordinate, type CustomLayerInterface, type CustomRenderMethodInput, type Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, Polygon } from 'geojson';

const VERTEX = `#version 300 es
uniform mat4 u_matrix;
in vec2 a_pos;
void main() { gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0); }`;
const FRAGMENT = `#version 300 es
precision mediump float;
uniform vec4 u_colour;
out vec4 colour;
void main() { colour = u_colour; }`;

interface Shape {
  id: string;
  /** Triangles of the fill, then the outer ring, as mercator x, y pairs (0–1). */
  triangles: Float64Array;
  ring: Float64Array;
}

/** Premultiplied RGBA, as MapLibre blends. */
function premultiplied(hex: string, opacity: number): [number, number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255 * opacity, ((n >> 8) & 255) / 255 * opacity, (n & 255) / 255 * opacity, opacity];
}

function mercator(positions: number[][]): Float64Array {
  const out = new Float64Array(positions.length * 2);
  positions.forEach(([lon, lat], i) => {
    const m = MercatorCoordinate.fromLngLat([lon!, lat!]);
    out[i * 2] = m.x;
    out[i * 2 + 1] = m.y;
  });
  return out;
}

function shapeOf(feature: Feature<Polygon>): Shape {
  const triangles = tesselate(feature).features.flatMap((t) => t.geometry.coordinates[0]!.slice(0, 3));
  return { id: String(feature.properties?.['id']), triangles: mercator(triangles), ring: mercator(feature.geometry.coordinates[0]!.slice(0, -1)) };
}

export class PendingPolygonsLayer implements CustomLayerInterface {
  readonly type = 'custom';
  readonly renderingMode = '2d';
  /** Ids drawn in the last frame (read by the map bench). */
  drawnIds: string[] = [];
  visible = true;
  private shapes: Shape[] = [];
  private map: MapLibreMap | null = null;
  private gl: WebGL2RenderingContext | null = null;
  private program: WebGLProgram | null = null;
  private buffer: WebGLBuffer | null = null;
  /** Its own vertex array, so MapLibre's are never touched. */
  private vao: WebGLVertexArrayObject | null = null;

  constructor(readonly id: string, private readonly fill: { colour: string; opacity: number }, private readonly outline: string) {}

  set(features: Feature[]): void {
    this.shapes = features.filter((f): f is Feature<Polygon> => f.geometry?.type === 'Polygon').map(shapeOf);
    this.map?.triggerRepaint();
  }

  onAdd(map: MapLibreMap, gl: WebGLRenderingContext | WebGL2RenderingContext): void {
    this.map = map;
    const gl2 = gl as WebGL2RenderingContext;
    const shader = (type: number, source: string) => {
      const s = gl2.createShader(type)!;
      gl2.shaderSource(s, source);
      gl2.compileShader(s);
      return s;
    };
    const program = gl2.createProgram();
    gl2.attachShader(program, shader(gl2.VERTEX_SHADER, VERTEX));
    gl2.attachShader(program, shader(gl2.FRAGMENT_SHADER, FRAGMENT));
    gl2.linkProgram(program);
    this.gl = gl2;
    this.program = program;
    this.buffer = gl2.createBuffer();
    this.vao = gl2.createVertexArray();
    gl2.bindVertexArray(this.vao);
    gl2.bindBuffer(gl2.ARRAY_BUFFER, this.buffer);
    const position = gl2.getAttribLocation(program, 'a_pos');
    gl2.enableVertexAttribArray(position);
    gl2.vertexAttribPointer(position, 2, gl2.FLOAT, false, 0, 0);
    gl2.bindVertexArray(null);
  }

  onRemove(): void {
    this.gl?.deleteProgram(this.program);
    this.gl?.deleteBuffer(this.buffer);
    this.gl?.deleteVertexArray(this.vao);
    this.map = null;
  }

  render(gl: WebGLRenderingContext | WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    const gl2 = gl as WebGL2RenderingContext;
    this.drawnIds = [];
    if (!this.visible || this.shapes.length === 0 || !this.map || !this.program) return;
    // World pixels relative to the view's centre, so single precision loses nothing close up; the
    // offset goes into the matrix, in double precision.
    const worldSize = 512 * 2 ** this.map.getZoom();
    const centre = MercatorCoordinate.fromLngLat(this.map.getCenter());
    const [ox, oy] = [centre.x * worldSize, centre.y * worldSize];
    const m = options.modelViewProjectionMatrix;
    const matrix = new Float32Array(m);
    for (let r = 0; r < 4; r++) matrix[12 + r] = m[r]! * ox + m[4 + r]! * oy + m[12 + r]!;
    const relative = (xy: Float64Array) => {
      const out = new Float32Array(xy.length);
      for (let i = 0; i < xy.length; i += 2) {
        out[i] = xy[i]! * worldSize - ox;
        out[i + 1] = xy[i + 1]! * worldSize - oy;
      }
      return out;
    };

    gl2.useProgram(this.program);
    gl2.uniformMatrix4fv(gl2.getUniformLocation(this.program, 'u_matrix'), false, matrix);
    const colour = gl2.getUniformLocation(this.program, 'u_colour');
    gl2.bindVertexArray(this.vao);
    gl2.bindBuffer(gl2.ARRAY_BUFFER, this.buffer);
    gl2.enable(gl2.BLEND);
    gl2.blendFunc(gl2.ONE, gl2.ONE_MINUS_SRC_ALPHA);
    for (const shape of this.shapes) {
      gl2.bufferData(gl2.ARRAY_BUFFER, relative(shape.triangles), gl2.STREAM_DRAW);
      gl2.uniform4fv(colour, premultiplied(this.fill.colour, this.fill.opacity));
      gl2.drawArrays(gl2.TRIANGLES, 0, shape.triangles.length / 2);
      gl2.bufferData(gl2.ARRAY_BUFFER, relative(shape.ring), gl2.STREAM_DRAW);
      gl2.uniform4fv(colour, premultiplied(this.outline, 1));
      gl2.drawArrays(gl2.LINE_LOOP, 0, shape.ring.length / 2);
      this.drawnIds.push(shape.id);
    }
    gl2.bindVertexArray(null);
  }
}
