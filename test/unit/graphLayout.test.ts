import { strict as assert } from 'node:assert';
import { layoutGraph, type Box, type Link, type PlacedBox, type Point } from '../../src/webview/graphLayout';

function box(key: string, width = 240, height = 90): Box {
  return { key, width, height };
}

function link(from: string, to: string): Link {
  return { key: `${from}->${to}`, from, to, labelWidth: 120, labelHeight: 30 };
}

function overlaps(a: PlacedBox, b: PlacedBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function near(point: Point | undefined, target: PlacedBox): boolean {
  if (!point) return false;
  const slack = 2;
  return point.x >= target.x - slack && point.x <= target.x + target.width + slack && point.y >= target.y - slack && point.y <= target.y + target.height + slack;
}

describe('decision graph layout', () => {
  const boxes = [box('a'), box('b'), box('c', 240, 120), box('lone1'), box('lone2'), box('role', 160, 32), box('lone3')];
  const links = [link('c', 'a'), link('b', 'c'), link('role', 'lone3')];
  const laid = layoutGraph(boxes, links, 900);
  const at = (key: string): PlacedBox => laid.boxes.get(key)!;

  it('places every box, none overlapping another, all inside the drawing', () => {
    assert.equal(laid.boxes.size, boxes.length);
    const placed = [...laid.boxes.values()];
    for (const [i, a] of placed.entries()) {
      assert.ok(a.x >= 0 && a.y >= 0 && a.x + a.width <= laid.width + 0.5 && a.y + a.height <= laid.height + 0.5, `${a.key} inside`);
      for (const b of placed.slice(i + 1)) assert.ok(!overlaps(a, b), `${a.key} overlaps ${b.key}`);
    }
  });

  it('draws each arrow from its newer decision down to the one it replaced, with its label between them', () => {
    for (const placed of laid.links) {
      assert.ok(placed.points.length >= 2, placed.key);
      assert.ok(near(placed.points[0], at(placed.from)), `${placed.key} starts at ${placed.from}`);
      assert.ok(near(placed.points.at(-1), at(placed.to)), `${placed.key} ends at ${placed.to}`);
      assert.ok(placed.label.y > at(placed.from).y && placed.label.y < at(placed.to).y + at(placed.to).height, `${placed.key} label between its ends`);
    }
    assert.ok(at('b').y < at('c').y && at('c').y < at('a').y, 'a chain reads top-down, newest first');
  });

  it('sets chains first and lone decisions on rows below them, wrapping at the width', () => {
    const chainsBottom = Math.max(...['a', 'b', 'c', 'role', 'lone3'].map((k) => at(k).y + at(k).height));
    for (const key of ['lone1', 'lone2']) assert.ok(at(key).y >= chainsBottom, `${key} below the chains`);
    assert.ok(laid.width <= 900, `no row wider than the panel: ${laid.width}`);
    const narrow = layoutGraph([box('x'), box('y'), box('z')], [], 500);
    assert.deepEqual([...narrow.boxes.values()].map((b) => [b.x, b.y]), [[0, 0], [0, 118], [0, 236]], 'one per row when only one fits');
  });

  it('lays out nothing as an empty drawing, and ignores links to boxes it was not given', () => {
    assert.deepEqual(layoutGraph([], [], 800), { boxes: new Map(), links: [], width: 0, height: 0 });
    assert.equal(layoutGraph([box('x')], [link('x', 'nowhere')], 800).links.length, 0);
  });
});
