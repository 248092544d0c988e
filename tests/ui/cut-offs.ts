// What a person cannot see or reach in the window as it is drawn now: controls and text cut
// off at the window's edge or by a box that hides its overflow, text spilling out of its box,
// boxes that scroll sideways, inputs too narrow to show what is typed, text too small to read.
// Vertical scrolling inside a pane is fine (a small window scrolls); sideways it is not.

import type { Page } from 'playwright-core';

export interface CutOffOptions {
  /** Where to look: the open dialog, or the whole window. */
  scope?: string;
  /** The smallest font size (px) any visible text may have. */
  minFontPx?: number;
  /** The widest (in em of its own font) a text or a row may run, so lines stay readable. */
  maxWidthEm?: number;
}

/** One line per thing cut off, saying what it is and why; none when everything fits. */
export function cutOffs(page: Page, options: CutOffOptions = {}): Promise<string[]> {
  return page.evaluate(findCutOffs, {
    scope: options.scope ?? 'body',
    minFontPx: options.minFontPx ?? 0,
    maxWidthEm: options.maxWidthEm ?? Infinity,
  });
}

/** Runs in the page: self-contained, it is sent there as source text. */
function findCutOffs(options: { scope: string; minFontPx: number; maxWidthEm: number }): string[] {
  const SLACK = 1;
  const problems = new Set<string>();
  const viewportWidth = document.documentElement.clientWidth;
  const viewportHeight = document.documentElement.clientHeight;
  const scope = document.querySelector(options.scope) ?? document.body;

  const name = (element: Element): string => {
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const label =
      element.getAttribute('aria-label') ??
      (element instanceof HTMLInputElement ? element.labels?.[0]?.textContent : null) ??
      text;
    const classes = [...element.classList].map((c) => `.${c}`).join('');
    return `<${element.localName}${classes}> "${(label ?? '').trim().slice(0, 40)}"`;
  };
  // A chart or an icon is checked as one box (its <svg>), not shape by shape.
  const shown = (element: Element): boolean =>
    element.checkVisibility({ visibilityProperty: true, opacityProperty: false }) &&
    !element.closest('.visually-hidden, option, [inert]') &&
    !element.parentElement?.closest('svg, select');
  const scrolls = (value: string) => value === 'auto' || value === 'scroll';
  const clips = (value: string) => value === 'hidden' || value === 'clip';
  /** Truncated on purpose: an ellipsis, and the whole text on hover and for screen readers. */
  const truncatedWell = (element: Element, style: CSSStyleDeclaration) =>
    style.textOverflow === 'ellipsis' &&
    !!element.closest('[title]')?.getAttribute('title')?.trim();

  const root = document.scrollingElement ?? document.documentElement;
  if (root.scrollWidth > root.clientWidth + SLACK)
    problems.add(`the window scrolls sideways (${root.scrollWidth} > ${root.clientWidth} px)`);

  /** Is `rect` (of `target`, inside `start` and its ancestors) where a person can see it? */
  const check = (target: Element, rect: DOMRect, start: Element | null, what: string) => {
    if (rect.width <= SLACK || rect.height <= SLACK) return;
    let reachableX = false;
    let reachableY = false;
    let fixed = getComputedStyle(target).position === 'fixed';
    for (let box = start; box && box !== document.documentElement; box = box.parentElement) {
      const style = getComputedStyle(box);
      const outer = box.getBoundingClientRect();
      const left = outer.left + box.clientLeft;
      const top = outer.top + box.clientTop;
      const outX = rect.left < left - SLACK || rect.right > left + box.clientWidth + SLACK;
      const outY = rect.top < top - SLACK || rect.bottom > top + box.clientHeight + SLACK;
      if (!reachableX && outX && style.overflowX !== 'visible') {
        if (scrolls(style.overflowX)) reachableX = true;
        else if (clips(style.overflowX) && !truncatedWell(box, style))
          problems.add(`${what} is cut off sideways by ${name(box)}`);
      }
      if (!reachableY && outY && style.overflowY !== 'visible') {
        if (scrolls(style.overflowY)) reachableY = true;
        else if (clips(style.overflowY)) problems.add(`${what} is cut off below by ${name(box)}`);
      }
      if (style.position === 'fixed') fixed = true;
    }
    if (!reachableX && (rect.left < -SLACK || rect.right > viewportWidth + SLACK))
      problems.add(`${what} runs past the window's side`);
    // The window scrolls down to what is below it, but not to what a fixed layer (a dialog) holds.
    if (fixed && !reachableY && (rect.top < -SLACK || rect.bottom > viewportHeight + SLACK))
      problems.add(`${what} runs past the window's bottom`);
  };

  const CONTROLS =
    'button, input, select, textarea, a[href], summary, [role="tab"], [role="option"], label, h1, h2, h3, legend, th, td, dt, dd, p, li, svg';
  for (const element of scope.querySelectorAll(CONTROLS)) {
    if (!shown(element)) continue;
    const style = getComputedStyle(element);
    const what = name(element);
    const rect = element.getBoundingClientRect();
    check(element, rect, element.parentElement, what);
    if (rect.width > options.maxWidthEm * parseFloat(style.fontSize))
      problems.add(`${what} runs ${Math.round(rect.width / parseFloat(style.fontSize))} em wide`);
    // A check box in a line of words that wrap gives way to them, shrunk below its own size.
    if (element instanceof HTMLInputElement && ['checkbox', 'radio'].includes(element.type)) {
      const alone = document.createElement('input');
      alone.type = element.type;
      alone.className = element.className;
      alone.style.cssText = 'position:fixed;left:0;top:0;visibility:hidden';
      element.parentElement!.append(alone);
      const natural = alone.getBoundingClientRect();
      alone.remove();
      if (rect.width < natural.width - SLACK || rect.height < natural.height - SLACK)
        problems.add(
          `${what} is squeezed (${Math.round(rect.width)}×${Math.round(rect.height)} px, not ${Math.round(natural.width)}×${Math.round(natural.height)})`,
        );
    }
    const control =
      element.matches('select, textarea') ||
      (element instanceof HTMLInputElement &&
        !['checkbox', 'radio', 'hidden', 'range', 'color'].includes(element.type));
    if (control) {
      const width = rect.width;
      // A select is as wide as its choice needs (checked below); a field must show some typing.
      if (!(element instanceof HTMLSelectElement) && width < 6 * parseFloat(style.fontSize))
        problems.add(`${what} is too narrow to read (${Math.round(width)} px)`);
      // A customizable select (appearance: base-select) that wraps shows its whole choice on
      // as many lines as it needs; any other clips it silently at the arrow: compare with the
      // width it asks for alone.
      const wraps =
        style.appearance === 'base-select' && !['nowrap', 'pre'].includes(style.whiteSpace);
      if (!wraps && element instanceof HTMLSelectElement && element.selectedOptions[0]) {
        const alone = document.createElement('select');
        alone.className = element.className;
        // Fixed at the window's edge with max-content: no containing block caps what it asks.
        alone.style.cssText =
          'position:fixed;left:0;top:0;visibility:hidden;width:max-content;min-width:0;max-width:none';
        alone.append(element.selectedOptions[0].cloneNode(true));
        element.parentElement!.append(alone);
        const needed = alone.getBoundingClientRect().width;
        alone.remove();
        if (needed > width + SLACK)
          problems.add(
            `${what} cuts its choice short (${Math.round(needed)} > ${Math.round(width)} px)`,
          );
      }
      continue;
    }
    // Text wider than its own box spills over its neighbours, or is hidden without a word.
    if (
      style.display !== 'inline' &&
      element.scrollWidth > element.clientWidth + SLACK &&
      !scrolls(style.overflowX) &&
      !truncatedWell(element, style)
    )
      problems.add(
        `${what} is wider than its box (${element.scrollWidth} > ${element.clientWidth})`,
      );
  }

  // A box whose content is wider than it: a scrollbar sideways, or content over its neighbours.
  for (const element of [scope, ...scope.querySelectorAll('*')]) {
    if (element.scrollWidth <= element.clientWidth + SLACK || !shown(element)) continue;
    const style = getComputedStyle(element);
    // An ellipsis that leaves a letter or two says nothing, whatever the title holds.
    const width = element.getBoundingClientRect().width;
    if (style.textOverflow === 'ellipsis' && width < 4 * parseFloat(style.fontSize))
      problems.add(`${name(element)} is cut to ${Math.round(width)} px`);
    if (scrolls(style.overflowX)) problems.add(`${name(element)} scrolls sideways`);
    else if (
      style.display !== 'inline' &&
      !clips(style.overflowX) &&
      !element.matches('input, select, textarea') &&
      !element.matches(CONTROLS)
    )
      problems.add(
        `${name(element)} is wider than its box (${element.scrollWidth} > ${element.clientWidth})`,
      );
  }

  const texts = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent?.trim() || !shown(parent)) continue;
    if (parent.closest('script, style, template, title')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rect = range.getBoundingClientRect();
    const what = `the text "${node.textContent.trim().slice(0, 40)}"`;
    check(parent, rect, parent, what);
    const size = parseFloat(getComputedStyle(parent).fontSize);
    if (size < options.minFontPx) problems.add(`${what} is too small (${size} px)`);
    if (rect.width > options.maxWidthEm * size)
      problems.add(`${what} runs ${Math.round(rect.width / size)} em wide`);
  }
  return [...problems];
}
