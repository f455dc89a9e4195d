  hashPassword(pwd: string): string {
    return createHash("sha512").update(pwd).digest("hex");  // expect: DSW009
  }
