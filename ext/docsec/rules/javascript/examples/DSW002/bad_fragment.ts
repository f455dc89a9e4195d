  async thumbnail(file: string): Promise<void> {
    await execAsync(`convert ${file} -resize 64x64 thumb.png`);
    child_process.exec(`convert ${file} -resize 64x64 thumb.png`);  // expect: DSW002
  }
