// axe-core in the page under test. The window's CSP allows no inline script, so axe goes in
// through the DevTools protocol (page.evaluate), which the CSP does not govern.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** A finding left out on purpose: one rule, on the elements one CSS selector matches. */
export interface AxeExclusion {
  rule: string;
  selector: string;
  /** Why, naming the issue that removes the exclusion. */
  why: string;
}

export interface AxeOptions {
  /** Only findings of these impacts (default: every impact). */
  impacts?: readonly ImpactValue[];
  /** Findings to leave out: exactly this rule on exactly these elements. */
  exclude?: readonly AxeExclusion[];
}

/** The findings that count for the window: serious and critical ones. */
export const SERIOUS: readonly ImpactValue[] = ['serious', 'critical'];

/** The WCAG 2.1 A and AA rules that fail inside `selector`, one line each (empty: none). */
export async function axeViolations(
  page: Page,
  selector: string,
  options: AxeOptions = {},
): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async ({ include, impacts, exclude }) => {
      const results = await (
        window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } }
      ).axe.run(
        { include: [include] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
      );
      // An exclusion is matched against the element itself, not axe's generated selector.
      const excluded = (rule: string, target: unknown[]) => {
        const element =
          target.length === 1 && typeof target[0] === 'string'
            ? document.querySelector(target[0])
            : null;
        return (
          element !== null && exclude.some((x) => x.rule === rule && element.matches(x.selector))
        );
      };
      return results.violations.flatMap((v) => {
        const nodes = v.nodes.filter(
          (n) =>
            (impacts === null || impacts.includes(n.impact ?? v.impact ?? 'minor')) &&
            !excluded(v.id, n.target as unknown[]),
        );
        return nodes.length === 0
          ? []
          : [
              {
                id: v.id,
                help: v.help,
                nodes: nodes.map((n) => ({
                  target: (n.target as unknown[]).map(String).join(' '),
                  summary: (n.failureSummary ?? '').replace(/\s+/g, ' '),
                })),
              },
            ];
      });
    },
    {
      include: selector,
      impacts: options.impacts ? [...options.impacts] : null,
      exclude: (options.exclude ?? []).map(({ rule, selector }) => ({ rule, selector })),
    },
  );
  return violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => (v.id === 'color-contrast' ? `${n.target}: ${n.summary}` : n.target))
        .join('; ')})`,
  );
}
