"""Rules for Java, C#, PHP, Go and Ruby (``DSL``): one rule per weakness class, over the views of all five."""
