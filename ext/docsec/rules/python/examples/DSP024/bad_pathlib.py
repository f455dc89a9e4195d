for info in archive.infolist():
    out_path = Path(extract_dir) / info.filename  # expect: DSP024
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(archive.read(info))
