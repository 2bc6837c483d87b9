/**
 * How many steps pattern matching may still take, shared by every match of one run. Ignore files
 * and CODEOWNERS come with the repository, and patterns of thousands of stars against many long
 * paths would otherwise cost their product. Once it is spent, nothing more is matched, and the
 * caller decides what that means (a path counted as ignored, files left unchecked).
 */
export class MatchBudget {
  constructor(private left: number) {}

  get exhausted(): boolean {
    return this.left <= 0;
  }

  /** Takes `steps` if that many are left; false (and spent) when they are not. */
  spend(steps: number): boolean {
    if (steps > this.left) {
      this.left = 0;
      return false;
    }
    this.left -= steps;
    return true;
  }
}
