  async findByName(name: string): Promise<User[]> {
    return this.db.query(`SELECT * FROM users WHERE name = '${name}'`);  // expect: DSW003
  }
