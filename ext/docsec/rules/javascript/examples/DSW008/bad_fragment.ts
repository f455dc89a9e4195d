  private newApiKey(): string {
    return Math.random().toString(36).slice(2);  // expect: DSW008
  }
