"""Plain service functions the routes call: keyword-only arguments, a session passed in."""
