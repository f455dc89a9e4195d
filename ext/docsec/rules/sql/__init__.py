"""SQL rules (``DSQ``), on the view of ``sql``, ``postgresql`` and ``mysql`` blocks."""
