// The contrast axe's color-contrast rule does not look at (it skips disabled controls, icons,
// outlines, placeholders and every SVG shape), measured on the window as it is drawn now:
// - focus rings (WCAG 2.4.7 / 1.4.11): a solid outline at least 2 px wide, 3:1 against what is
//   behind it, on every control that takes focus;
// - placeholders (1.4.3): 4.5:1 on their field;
// - disabled controls' words: not required by WCAG, but a person must still read what is off:
//   3:1;
// - SVG icons and the chart's marks and the borders of fields (1.4.11): 3:1 against what is
//   behind them. Shapes that only draw a backdrop (a chart's track) say so with
//   data-decorative or sit in an aria-hidden legend next to words that say the same.
// Colours are composed the way the page paints them: background colours with their alpha, and
// the opacity of every box on the way.

import type { Page } from 'playwright-core';

/** One line per thing too faint to see, saying what and how faint; none when all are clear. */
export async function contrastProblems(page: Page, scope = 'body'): Promise<string[]> {
  // A key pressed: focus moved by script now shows as a keyboard user sees it (:focus-visible).
  await page.keyboard.press('Shift');
  return page.evaluate(findContrastProblems, scope);
}

/** Runs in the page: self-contained, it is sent there as source text. */
function findContrastProblems(scopeSelector: string): string[] {
  type Rgba = [number, number, number, number];
  const problems = new Set<string>();
  const scope = document.querySelector(scopeSelector) ?? document.body;
  const probe = document.createElement('canvas').getContext('2d')!;

  /** Any CSS colour (rgb(), color(srgb …), oklab() from color-mix) as 0–255 sRGB and alpha. */
  const parse = (css: string): Rgba => {
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = '#000';
    probe.fillStyle = css;
    probe.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0, a = 0] = probe.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top: Rgba, under: Rgba, alpha = top[3]): Rgba => [
    top[0] * alpha + under[0] * (1 - alpha),
    top[1] * alpha + under[1] * (1 - alpha),
    top[2] * alpha + under[2] * (1 - alpha),
    1,
  ];
  const luminance = ([r, g, b]: Rgba) => {
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (a: Rgba, b: Rgba) => {
    const hi = Math.max(luminance(a), luminance(b));
    const lo = Math.min(luminance(a), luminance(b));
    return (hi + 0.05) / (lo + 0.05);
  };

  /**
   * What `element` paints, composed over every box behind it (ancestors' backgrounds, each
   * group's opacity): `paint` is drawn last, on top of the element's own background, or
   * nothing with `paint` null (the background alone). `ownBackground` false: the background
   * of what surrounds the element (for an outline drawn outside it).
   */
  const composed = (element: Element, paint: Rgba | null, ownBackground = true): Rgba => {
    const chain: Element[] = [];
    for (let e: Element | null = element; e; e = e.parentElement) chain.unshift(e);
    let current: Rgba = [255, 255, 255, 1];
    const groups: { backdrop: Rgba; opacity: number }[] = [];
    for (const box of chain) {
      const style = getComputedStyle(box);
      const opacity = parseFloat(style.opacity);
      if (opacity < 1) groups.push({ backdrop: current, opacity });
      if (box !== element || ownBackground) {
        const background = parse(style.backgroundColor);
        if (background[3] > 0) current = over(background, current);
      }
    }
    if (paint) current = over(paint, current);
    for (const group of groups.reverse()) current = over(current, group.backdrop, group.opacity);
    return current;
  };

  const shown = (element: Element) =>
    element.checkVisibility({ visibilityProperty: true, opacityProperty: false }) &&
    !element.closest('.visually-hidden, [inert]') &&
    element.getBoundingClientRect().width > 0;
  const name = (element: Element): string => {
    const text = (element.getAttribute('aria-label') ?? element.textContent ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 30);
    const classes = [...element.classList]
      .filter((c) => typeof c === 'string')
      .map((c) => `.${c}`)
      .join('');
    return `<${element.localName}${classes}> "${text}"`;
  };
  const need = (what: string, found: number, wanted: number) => {
    if (found + 0.005 < wanted) problems.add(`${what}: ${found.toFixed(2)}:1, under ${wanted}:1`);
  };

  // Focus rings: every control that takes focus, as a keyboard user sees it.
  const focusable = scope.querySelectorAll<HTMLElement>(
    'button, input, select, textarea, a[href], summary, [tabindex]:not([tabindex="-1"])',
  );
  const before = document.activeElement as HTMLElement | null;
  for (const element of focusable) {
    if (!shown(element) || (element as HTMLButtonElement).disabled) continue;
    element.focus({ preventScroll: true });
    if (document.activeElement !== element) continue;
    if (!element.matches(':focus-visible')) {
      problems.add(`${name(element)} takes focus from the keyboard but does not show it`);
      continue;
    }
    // A list with an active row shows focus on that row.
    const activeId = element.getAttribute('aria-activedescendant');
    const shows = (activeId && document.getElementById(activeId)) || element;
    const style = getComputedStyle(shows);
    const width = parseFloat(style.outlineWidth);
    const visible = style.outlineStyle !== 'none' && width > 0;
    if (!visible || style.outlineStyle === 'auto' || width < 2) {
      problems.add(
        `${name(shows)} shows focus with ${visible ? `a ${width}px ${style.outlineStyle}` : 'no'} outline`,
      );
      continue;
    }
    const ring = parse(style.outlineColor);
    // An outline drawn inside the box lies on its own background; outside, on what surrounds it.
    const inside = parseFloat(style.outlineOffset) < 0;
    need(
      `the focus ring of ${name(element)}`,
      ratio(composed(shows, ring, inside), composed(shows, null, inside)),
      3,
    );
  }
  before?.focus({ preventScroll: true });

  for (const element of scope.querySelectorAll<HTMLElement>('input, select, textarea, button')) {
    if (!shown(element)) continue;
    const style = getComputedStyle(element);
    const disabled = (element as HTMLInputElement).disabled;
    // Placeholders.
    if ((element as HTMLInputElement).placeholder && !(element as HTMLInputElement).value) {
      const placeholder = getComputedStyle(element, '::placeholder');
      const colour = parse(placeholder.color);
      colour[3] *= parseFloat(placeholder.opacity || '1');
      need(
        `the placeholder of ${name(element)}`,
        ratio(composed(element, colour), composed(element, null)),
        4.5,
      );
    }
    // Disabled controls' words.
    if (disabled && (element.textContent?.trim() || (element as HTMLInputElement).value)) {
      need(
        `the words of the disabled ${name(element)}`,
        ratio(composed(element, parse(style.color)), composed(element, null)),
        3,
      );
    }
    // A field's edge (a button with a fill of its own is told by its fill).
    const type = (element as HTMLInputElement).type;
    if (element.localName === 'button' || ['checkbox', 'radio'].includes(type) || disabled)
      continue;
    const border = parse(style.borderTopColor);
    const fieldBackground = composed(element, null);
    const around = composed(element, null, false);
    if (parseFloat(style.borderTopWidth) > 0 && border[3] > 0)
      need(
        `the edge of ${name(element)}`,
        Math.max(ratio(composed(element, border, false), around), ratio(fieldBackground, around)),
        3,
      );
  }

  // SVG icons and the marks of charts.
  const SHAPES = 'path, rect, circle, ellipse, line, polyline, polygon';
  for (const shape of scope.querySelectorAll<SVGGraphicsElement>(SHAPES)) {
    const svg = shape.ownerSVGElement;
    if (!svg || !shown(svg) || shape.closest('[data-decorative], defs, mask, clipPath')) continue;
    // A legend that repeats words beside it: its swatches are read with the words.
    if (shape.closest('[aria-hidden="true"] li, .reliability-legend')) continue;
    const style = getComputedStyle(shape);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const behind = composed(svg, null);
    const strokeWidth = parseFloat(style.strokeWidth);
    const paints: Rgba[] = [];
    for (const [value, opacity, used] of [
      [style.fill, style.fillOpacity, true],
      [style.stroke, style.strokeOpacity, strokeWidth > 0],
    ] as const) {
      if (!used || value === 'none' || value.startsWith('url(')) continue;
      const colour = parse(value);
      colour[3] *= parseFloat(opacity || '1') * parseFloat(style.opacity || '1');
      if (colour[3] > 0) paints.push(colour);
    }
    if (paints.length === 0) continue;
    const best = Math.max(...paints.map((p) => ratio(composed(svg, p), behind)));
    need(
      `the ${shape.localName}${[...shape.classList].map((c) => `.${c}`).join('')} in ${name(svg.parentElement ?? svg)}`,
      best,
      3,
    );
  }
  return [...problems];
}
