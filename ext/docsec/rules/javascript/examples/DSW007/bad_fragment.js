  const session = unserialize(cookie);  // expect: DSW007
