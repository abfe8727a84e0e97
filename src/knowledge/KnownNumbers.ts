import type { TermIndex } from './bm25';

/** How far a number may be from the knowledge base's to be read as it, rounded: a share of the knowledge base's. */
const NUMBER_TOLERANCE = 0.1;

/**
 * Numbers a query rounds or names loosely, read as the knowledge base's own: "300 million" as its
 * 281 million, "750" as 740, "the 50s" as 1951. The index's numbers are listed when first needed.
 */
export class KnownNumbers {
  /** The numbers the knowledge base uses, but years; and its years. */
  private listed: { numbers: number[]; years: number[] } | undefined;

  constructor(private readonly index: TermIndex) {}

  /**
   * The term of the knowledge base's number closest to `surface` (a number, or a decade such as
   * "1950s"), within `NUMBER_TOLERANCE`; undefined when none is. Years are exact: 2008 is not 2010.
   */
  termNear(surface: string): number | undefined {
    const decade = /^(\d{3})0s$/.exec(surface);
    if (decade) return this.yearIn(Number(decade[1]) * 10);
    const asked = /^\d{2,}$/.test(surface) ? Number(surface) : NaN;
    if (!(asked >= 10) || isYear(asked)) return undefined;
    let best: number | undefined;
    for (const n of this.list().numbers) {
      if (Math.abs(n - asked) <= NUMBER_TOLERANCE * n && (best === undefined || Math.abs(n - asked) < Math.abs(best - asked))) best = n;
    }
    return best === undefined ? undefined : this.index.term(String(best));
  }

  /** The knowledge base's year in the decade from `start` ("the 50s": 1951), if it has exactly one. */
  private yearIn(start: number): number | undefined {
    const years = this.list().years.filter((y) => y >= start && y < start + 10);
    return years.length === 1 ? this.index.term(String(years[0]!)) : undefined;
  }

  private list(): { numbers: number[]; years: number[] } {
    if (!this.listed) {
      const terms = [...this.index.terms.keys()];
      this.listed = {
        numbers: terms.filter((t) => /^\d{2,}$/.test(t) && !isYear(Number(t))).map(Number),
        years: terms.filter((t) => /^\d{4}$/.test(t)).map(Number),
      };
    }
    return this.listed;
  }
}

function isYear(n: number): boolean {
  return n >= 1900 && n <= 2100;
}
