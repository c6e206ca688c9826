"""Small factories that build test data: reference tables and chain graphs."""
