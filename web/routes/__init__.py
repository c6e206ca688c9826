"""The app's routes, one module per area; each route is thin and calls plain service functions."""
