  evaluate(formula: string): number {
    return eval(formula) as number;  // expect: DSW001
  }
