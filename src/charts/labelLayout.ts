/**
 * Placing point labels in a scatter plot so that no two overlap: each label, in the order given (the
 * most important first), takes the free spot nearest its point that covers the fewest other points,
 * drawn with a leader line when it had to move away from the point.
 * @module
 */

/** A point in pixels (origin top left) with the radius of its mark. */
export interface PlotPoint {
  readonly x: number;
  readonly y: number;
  readonly radius: number;
}

/** A label to place for a point: its box size in pixels. */
export interface LabelRequest {
  readonly point: PlotPoint;
  readonly width: number;
  readonly height: number;
}

/** Where a label went: the centre of its box, and whether it needs a leader line to its point. */
export interface LabelPlacement {
  readonly x: number;
  readonly y: number;
  readonly leader: boolean;
}

interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** Gap kept between a label and anything it must not touch, in pixels. */
const GAP = 2;
/** How many rings of candidate spots, each farther from the point, are tried. */
const RINGS = 24;
/** Distance between rings, in pixels. */
const RING_STEP = 8;
/** Cost of one ring farther away, against {@link COVER_COST} for each unlabelled point a label covers. */
const RING_COST = 2;
/** Cost of covering one unlabelled point: text over a point is readable, a long leader less so. */
const COVER_COST = 0.5;
/**
 * Places each requested label inside the `width` × `height` plot without overlapping another label
 * or a labelled point; `null` where no spot is free. `others` are points that may be covered, at a
 * cost (each one covered counts as two rings farther away).
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  others: readonly PlotPoint[],
  width: number,
  height: number,
): (LabelPlacement | null)[] {
  const taken: Box[] = requests.map((request) => circleBox(request.point));
  const leaders: Segment[] = [];
  const otherBoxes = others.map(circleBox);
  return requests.map((request) => {
    let best: { box: Box; cost: number; leader: Segment | null } | null = null;
    for (let ring = 0; ring < RINGS && (best === null || best.cost > ring * RING_COST); ring++) {
      for (const spot of candidates(request, ring)) {
        // A spot past an edge is pulled back inside the plot (then it needs a leader, as any moved label).
        const box = clampInto(spot, width, height);
        if (box === null) continue;
        if (taken.some((other) => overlaps(box, other)) || leaders.some((segment) => crosses(segment, box))) continue;
        // A label one ring out or farther gets a leader line, which must not cross a placed label either.
        const leader = ring === 0 && box === spot ? null : leaderTo(request.point, box);
        if (leader !== null && taken.some((other, index) => index >= requests.length && crosses(leader, other))) continue;
        const cost = ring * RING_COST + COVER_COST * otherBoxes.filter((other) => overlaps(box, other)).length;
        if (best === null || cost < best.cost) best = { box, cost, leader };
      }
    }
    if (best === null) return null;
    taken.push(best.box);
    if (best.leader !== null) leaders.push(best.leader);
    return { x: (best.box.x1 + best.box.x2) / 2, y: (best.box.y1 + best.box.y2) / 2, leader: best.leader !== null };
  });
}

/** `box` moved the least to lie inside the plot; `box` itself when it does; `null` when it cannot fit. */
function clampInto(box: Box, width: number, height: number): Box | null {
  const boxWidth = box.x2 - box.x1;
  const boxHeight = box.y2 - box.y1;
  if (boxWidth > width || boxHeight > height) return null;
  if (box.x1 >= 0 && box.y1 >= 0 && box.x2 <= width && box.y2 <= height) return box;
  const x1 = Math.min(Math.max(box.x1, 0), width - boxWidth);
  const y1 = Math.min(Math.max(box.y1, 0), height - boxHeight);
  return { x1, y1, x2: x1 + boxWidth, y2: y1 + boxHeight };
}

interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** The leader from a point's mark edge to the centre of its label box. */
function leaderTo(point: PlotPoint, box: Box): Segment {
  const x2 = (box.x1 + box.x2) / 2;
  const y2 = (box.y1 + box.y2) / 2;
  const length = Math.hypot(x2 - point.x, y2 - point.y);
  const start = Math.min(1, point.radius / length);
  return { x1: point.x + (x2 - point.x) * start, y1: point.y + (y2 - point.y) * start, x2, y2 };
}

/**
 * Whether a segment passes through a box grown by {@link GAP} (Liang–Barsky clipping); a segment that
 * ends inside the box (its own label) counts too, so callers pass only other labels' boxes.
 */
function crosses(segment: Segment, box: Box): boolean {
  const dx = segment.x2 - segment.x1;
  const dy = segment.y2 - segment.y1;
  let enter = 0;
  let leave = 1;
  const sides: [number, number][] = [
    [-dx, segment.x1 - (box.x1 - GAP)],
    [dx, box.x2 + GAP - segment.x1],
    [-dy, segment.y1 - (box.y1 - GAP)],
    [dy, box.y2 + GAP - segment.y1],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) enter = Math.max(enter, t);
      else leave = Math.min(leave, t);
    }
  }
  return enter < leave;
}

/**
 * The label boxes tried on ring `ring`: right and left of the point at the ring's distance, shifted up
 * and down by up to `ring` label heights; then above and below it, shifted sideways by quarter widths.
 * Ring 0 (right, left, above, below, touching the mark) is tried first.
 */
function* candidates(request: LabelRequest, ring: number): Generator<Box> {
  const { point, width, height } = request;
  const distance = point.radius + GAP + ring * RING_STEP;
  const box = (x1: number, y1: number): Box => ({ x1, y1, x2: x1 + width, y2: y1 + height });
  for (let shift = 0; shift <= ring; shift++) {
    for (const sign of shift === 0 ? [0] : [-1, 1]) {
      const y1 = point.y - height / 2 + sign * shift * (height + GAP);
      yield box(point.x + distance, y1);
      yield box(point.x - distance - width, y1);
    }
  }
  for (const quarter of ring === 0 ? [0] : [0, -1, 1, -2, 2]) {
    const x1 = point.x - width / 2 + (quarter * width) / 4;
    yield box(x1, point.y - distance - height);
    yield box(x1, point.y + distance);
  }
}

function circleBox(point: PlotPoint): Box {
  return { x1: point.x - point.radius, y1: point.y - point.radius, x2: point.x + point.radius, y2: point.y + point.radius };
}

/** Whether two boxes come closer than {@link GAP}. */
function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 + GAP && b.x1 < a.x2 + GAP && a.y1 < b.y2 + GAP && b.y1 < a.y2 + GAP;
}
