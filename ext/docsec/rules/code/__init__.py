"""Rules for Java, C#, PHP, Go, Ruby and Rust (``DSL``): one rule per weakness class, over the views of all six."""
