"""JavaScript and TypeScript rules (``DSW``), on the view of ``js``, ``ts``, ``jsx`` and ``tsx`` blocks."""
