"""What a drawn chart looks like to a reader, measured in the browser: bounding boxes of its marks and axes."""
from __future__ import annotations

# For one [data-rv-chart] element: every bar, line, point, tick label, axis title, zero and grid line that lies
# (by more than half a pixel) outside the chart's frame or the visible width; every pair of tick labels of one
# axis that overlap; the reserved and the drawn size. Rotated labels would count by their bounding box.
GEOMETRY = """element => {
  const frame = element.getBoundingClientRect();
  const right = Math.min(frame.right, document.documentElement.clientWidth);
  const inside = r => r.left >= frame.left - 0.5 && r.right <= right + 0.5 && r.top >= frame.top - 0.5
    && r.bottom <= frame.bottom + 0.5 && r.left >= -0.5;
  const boxes = selector => Array.from(element.querySelectorAll(selector))
    .map(e => [e, e.getBoundingClientRect()]).filter(([e, r]) => r.width > 0 || r.height > 0);
  const marks = boxes('.bars .point path, .scatterlayer .js-line, .scatterlayer .point');
  const axes = boxes('.xtick text, .ytick text, .xtitle, .ytitle, .zerolinelayer path, .gridlayer path');
  const name = ([e, r]) => `${e.getAttribute('class') || e.tagName} '${(e.textContent || '').slice(0, 24)}' `
    + [r.left, r.top, r.right, r.bottom].map(Math.round).join(',');
  const outside = marks.concat(axes).filter(([e, r]) => !inside(r)).map(name);
  const overlaps = [];
  for (const selector of ['.xtick text', '.ytick text']) {
    const texts = boxes(selector).filter(([e]) => e.textContent.trim());
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i][1], b = texts[j][1];
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5
            && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5) {
          overlaps.push(texts[i][0].textContent + ' × ' + texts[j][0].textContent);
        }
      }
    }
  }
  const svg = element.querySelector('svg.main-svg');
  const drawn = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
  const figure = element.closest('figure');
  const holder = figure.parentElement;
  const style = getComputedStyle(holder);
  const room = holder.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {id: element.getAttribute('data-rv-chart'), marks: marks.length,
          ticks: boxes('.xtick text, .ytick text').filter(([e]) => e.textContent.trim()).length,
          outside, overlaps, reserved: [Math.round(frame.width), Math.round(frame.height)],
          drawn: [Math.round(drawn.width), Math.round(drawn.height)],
          figure: Math.round(figure.getBoundingClientRect().width), room: Math.round(room)};
}"""

ALL_DRAWN = """() => Array.from(document.querySelectorAll('[data-rv-chart]'))
  .every(e => e.hasAttribute('data-rv-rendered') || e.hasAttribute('data-rv-failed'))"""


def draw_all(page, timeout: int = 30000) -> None:
    """Scroll to the first chart: plotly.js loads, and charts.js draws every chart of the page."""
    page.locator("[data-rv-chart]").first.scroll_into_view_if_needed()
    page.wait_for_function(ALL_DRAWN, timeout=timeout)


def measure(page) -> list[dict]:
    return [element.evaluate(GEOMETRY) for element in page.locator("[data-rv-chart]").all()]


def faults(found: dict) -> list[str]:
    """What is wrong with one measured chart, in words ([] when it fits)."""
    wrong = [f"utanför ramen: {o}" for o in found["outside"]] + [f"överlappar: {o}" for o in found["overlaps"]]
    if found["reserved"] != found["drawn"]:
        wrong.append(f"ritad {found['drawn']} i en ram av {found['reserved']}")
    if found["marks"] == 0 or found["ticks"] < 2:
        wrong.append(f"{found['marks']} staplar/punkter, {found['ticks']} etiketter")
    if abs(found["figure"] - found["room"]) > 1:
        wrong.append(f"figuren är {found['figure']} px bred av {found['room']} px")
    return wrong
